"""`make bench`: TriggerFlow measured at national scale on SQLite and PostgreSQL.

Synthetic data at each size, then page and measure times, SQL statements per page,
throughput under gunicorn and a large CSV export, written to docs/performance.md. Figures
are medians of repeated runs, and ratios within one run: the machine is shared and noisy.
"""
