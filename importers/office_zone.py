"""The office's time zone: Vietnam's, whatever the server's own zone.

One definition for the app's clock (`webapp.clock` judges the office's day by it) and for the importer (a form
export's timestamps without a zone are office time); it lives here because the importer may not import the app."""
from zoneinfo import ZoneInfo

OFFICE_TIMEZONE = ZoneInfo("Asia/Ho_Chi_Minh")
