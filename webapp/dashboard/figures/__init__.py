"""Every figure shown on the dashboard, in reports and on scorecards, computed in one package, a module a subject.

Each figure is one aggregate query (GROUP BY) or a pure function over the rows of one, so a page costs a
constant number of SQL statements whatever the data size. Attendance counts for a member only at the units
that member was assigned to on the meeting's date: the rate and the query behind it are `meetings.rates`'.

common: the building blocks (month keys, subtrees, the groups in view, attendance counts); attendance: the marks
that count and their cubes; members, groups: the per-member and per-group figures; activity: opinions, feedback,
tasks and reports; coverage: units nobody follows or attends; targets: indicators; obligations, visits: attendance
against each group's rule, field visits; dashboard: all of them for one view.
"""
