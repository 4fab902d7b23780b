"""doancongtac: the working groups' intranet. `create_app` reads as the table of contents."""
import os
from pathlib import Path

from flask import Flask

from . import request_input
from .config import build_config

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(test_config: dict | None = None) -> Flask:
    """Build the Flask application; `test_config` overrides the environment's configuration."""
    app = Flask(
        __name__,
        instance_path=os.environ.get("INSTANCE_PATH") or str(PROJECT_ROOT / "instance"),
        template_folder=str(PROJECT_ROOT / "templates"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    app.config.from_mapping(build_config(app.instance_path))
    if test_config:
        app.config.update(test_config)
    from . import setup

    setup.configure_extensions(app)
    setup.configure_wire(app)
    request_input.install(app)
    setup.configure_database(app)
    setup.configure_i18n(app)
    setup.configure_security(app)
    setup.register_blueprints(app)
    setup.register_error_handlers(app)
    setup.register_template_helpers(app)
    setup.register_commands(app)
    return app
