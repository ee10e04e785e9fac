"""Every public call of the package, written as a user would; `mypy --strict` checks this file
(test.sh) and test_typed_usage.py runs it against the emulator."""

from __future__ import annotations

import asyncio
import pickle
from datetime import datetime, timezone
from typing import Any, Dict, List, Optional

import infobip


def use_sync(base_url: str, api_key: str) -> List[str]:
    seen: List[str] = [infobip.__version__]
    with infobip.Client(base_url, api_key=api_key, timeout=30.0, connect_timeout=5.0, max_retries=1,
                        user_agent_suffix="typed-usage/1") as client:
        response: infobip.Response = client.request("GET", "/account/1/balance")
        status: int = response.status_code
        headers: Dict[str, str] = response.headers
        content: bytes = response.content
        text: str = response.text
        request_id: Optional[str] = response.request_id
        attempts: int = response.attempts
        body: Any = response.json()
        seen += [str(status), str(len(headers)), str(len(content)), text[:1], str(request_id), str(attempts), str(body)]
        since = datetime.now(timezone.utc)
        logs = client.with_options(timeout=10.0, max_retries=0).request(
            "GET", "/sms/3/logs", query={"sentSince": since, "limit": 1, "bulkId": ["a", "b"], "generalStatus": None}
        )
        seen.append(str(logs.status_code))
        try:
            client.request("POST", "/sms/3/messages", json={"messages": [{"destinations": [], "content": {}}]})
        except infobip.BadRequestError as error:
            seen.append(error.code)
            violations: List[infobip.Violation] = error.violations
            seen += [v.property for v in violations]
            retry_after: Optional[float] = error.retry_after
            seen += [str(error.status_code), str(error.error_code), str(error.text), str(error.request_id),
                     str(retry_after), error.body[:1]]
        client.close()
    return seen


async def use_async(base_url: str, api_key: str) -> List[str]:
    seen: List[str] = []
    async with infobip.AsyncClient(base_url, api_key=api_key) as client:
        response = await client.request("GET", "/account/1/balance")
        seen.append(str(response.status_code))
        both = await asyncio.gather(client.request("GET", "/account/1/balance"),
                                    client.with_options(timeout=5.0).request("GET", "/account/1/balance"))
        seen += [str(r.status_code) for r in both]
        await client.close()
    return seen


def use_errors() -> List[str]:
    seen: List[str] = []
    errors: List[infobip.InfobipError] = [
        infobip.ConfigurationError("c"),
        infobip.ValidationError("v", violations=[("to", "empty")]),
        infobip.WebhookVerificationError("w"),
        infobip.APIConnectionError("a", attempts=2),
        infobip.APITimeoutError("t"),
        infobip.OutcomeUnknownError("o", bulk_id="b", message_ids=["m"]),
        infobip.DecodeError("d", offset=3),
        infobip.APIStatusError("s", status_code=418),
        infobip.BadRequestError("s", status_code=400),
        infobip.AuthenticationError("s", status_code=401),
        infobip.PermissionDeniedError("s", status_code=403),
        infobip.NotFoundError("s", status_code=404),
        infobip.ConflictError("s", status_code=409),
        infobip.RateLimitError("s", status_code=429, retry_after=1.5),
        infobip.InternalServerError("s", status_code=500),
    ]
    for error in errors:
        copy: infobip.InfobipError = pickle.loads(pickle.dumps(error))
        seen.append(copy.code)
        if isinstance(copy, infobip.OutcomeUnknownError):
            bulk: Optional[str] = copy.bulk_id
            ids: List[str] = copy.message_ids
            seen += [str(bulk), *ids]
        if isinstance(copy, infobip.APIStatusError):
            resources: List[infobip.ErrorResource] = copy.resources
            seen += [str(copy.status_code), str(len(resources))]
    return seen
