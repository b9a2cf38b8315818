"""Rollups: the counts the dashboards add up, kept in the transaction of each move (models.rollup)."""
