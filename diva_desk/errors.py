"""The two kinds of trouble a person can act on; anything else is a bug.

``BadInput`` is the user's: a file, a form field or an argument that is wrong.
``BookProblem`` is the environment's: a locked, full, missing or too-new book.
Both carry a sentence meant to be shown as it is; bugs are logged with a traceback.
"""


class UserFacingError(Exception):
    """An error whose message is a complete sentence for the person at the keyboard."""


class BadInput(UserFacingError):
    """Something the user typed or gave us is wrong; nothing was changed."""


class BookProblem(UserFacingError):
    """The book cannot be opened, read or written for a reason outside the input."""
