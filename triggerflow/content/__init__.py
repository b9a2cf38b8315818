"""What a trigger form contains: fixed vocabularies, sections and fields, and how answers are saved."""
