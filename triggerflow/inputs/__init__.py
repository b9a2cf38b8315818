"""What people type and programs send, and the classes that check it, shared by the pages and the API.

Below both: the pages render these WTForms classes, and the API puts its JSON through the same
classes, so both accept and refuse the same input with the same messages.
"""
