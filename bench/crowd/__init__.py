"""Fifty people at once: a load test of the app as `make serve` runs it, on PostgreSQL (`make load`).

Officers edit and send their drafts, SPOCs submit what reaches them, assessors claim, return and
accept, and managers read the dashboards, all through the same pages and forms a browser uses,
for several minutes. Afterwards every form's event log is replayed through the lifecycle: a form
whose state is not where its events lead lost an update.
"""
