"""Synthetic forms and histories at scale, for dashboards, load tests and demos."""

from triggerflow.synthetic.generator import Summary, generate

__all__ = ["Summary", "generate"]
