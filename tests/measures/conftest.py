import pytest

from tests.measures.history import History


@pytest.fixture
def h(monkeypatch, people):
    """A History: forms moved through the real service at chosen days."""
    return History(monkeypatch, people)
