"""The API's errors: a stable code per HTTP status and a sentence that says what to do."""

from __future__ import annotations

from fastapi import HTTPException

ERROR_CODES = {400: "bad_request", 401: "unauthorized", 403: "writes_disabled", 404: "not_found",
               405: "method_not_allowed", 409: "conflict", 413: "body_too_large", 415: "unsupported_media_type",
               422: "invalid_request"}


class ApiError(HTTPException):
    """An HTTP error with a stable code and a sentence that says what to do."""

    def __init__(self, status: int, detail: str, code: str | None = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(status, detail, headers)
        self.code = code or ERROR_CODES.get(status, "error")
