"""Which page numbers a GOV.UK pagination shows: the first, the last and those beside the current
one, with a gap between, so a list of 40,000 pages renders as quickly as a list of three."""


def page_numbers(current: int, last: int) -> list[int | None]:
    """Page numbers in order, None where pages are left out (an ellipsis)."""
    shown = sorted({1, current - 1, current, current + 1, last} & set(range(1, last + 1)))
    numbers: list[int | None] = []
    for n in shown:
        if numbers and n - numbers[-1] > 1:
            numbers.append(None)
        numbers.append(n)
    return numbers


def count_text(n: int, exact: bool = True) -> str:
    """A count as a list shows it; one that is not exact is the least there are (queries.queues.StateCounts)."""
    return str(n) if exact else f"more than {n - 1:,}"
