"""Errors: tests/vectors/errors.json end to end, every class from a real response or fault, pickling."""

from __future__ import annotations

import asyncio
import json
import pickle
from datetime import datetime
from typing import Any, Dict, Type

import pytest

import infobip
from conftest import LIMITED_KEY, ROOT, Emulator

ALL_VECTORS = json.loads((ROOT / "tests" / "vectors" / "errors.json").read_text())["cases"]
VECTORS = [c for c in ALL_VECTORS if "at" not in c]
TOKEN_VECTORS = [c for c in ALL_VECTORS if c.get("at") == "oauth2_token"]
BALANCE = "/account/1/balance"

CLASSES: Dict[str, Type[infobip.InfobipError]] = {
    "bad_request": infobip.BadRequestError,
    "unauthorized": infobip.AuthenticationError,
    "forbidden": infobip.PermissionDeniedError,
    "not_found": infobip.NotFoundError,
    "conflict": infobip.ConflictError,
    "rate_limited": infobip.RateLimitError,
    "server_error": infobip.InternalServerError,
    "api_error": infobip.APIStatusError,
}


def test_hierarchy_is_the_designed_one() -> None:
    E = infobip
    for cls in (E.ConfigurationError, E.ValidationError, E.WebhookVerificationError, E.APIConnectionError,
                E.DecodeError, E.APIStatusError, E.AuthFailedError, E.InternalError):
        assert cls.__bases__ == (E.InfobipError,), cls
    for cls in (E.APITimeoutError, E.OutcomeUnknownError):
        assert cls.__bases__ == (E.APIConnectionError,), cls
    for cls in CLASSES.values():
        assert cls is E.APIStatusError or cls.__bases__ == (E.APIStatusError,), cls
    assert issubclass(E.InfobipError, Exception)
    codes = {cls.code for cls in (E.ConfigurationError, E.ValidationError, E.WebhookVerificationError,
                                  E.APIConnectionError, E.APITimeoutError, E.OutcomeUnknownError, E.DecodeError,
                                  E.AuthFailedError, E.InternalError, *CLASSES.values())}
    assert len(codes) == 17


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_error_vector_end_to_end(emu: Emulator, client: infobip.Client, case: Dict[str, Any]) -> None:
    emu.fault(path=BALANCE, status=case["status"], headers=case["headers"], body=case["body"])
    with pytest.raises(infobip.APIStatusError) as raised:
        client.request("GET", BALANCE)
    error = raised.value
    expected = case["expected"]
    assert type(error) is CLASSES[expected["code"]]
    assert error.code == expected["code"]
    assert error.status_code == case["status"]
    assert error.body == case["body"][:4096]
    simple = ("error_code", "text", "action", "request_id", "body_is_json")
    for field in simple:
        if field in expected:
            assert getattr(error, field) == expected[field], field
    if "violations" in expected:
        assert [v._asdict() for v in error.violations] == expected["violations"]
    if "resources" in expected:
        assert [r._asdict() for r in error.resources] == expected["resources"]
    if "retry_after_ms" in expected:
        retry_after_ms = None if error.retry_after is None else round(error.retry_after * 1000)
        assert retry_after_ms == expected["retry_after_ms"]
    if "message_contains" in expected:
        assert expected["message_contains"] in str(error)


@pytest.mark.parametrize("case", TOKEN_VECTORS, ids=[c["name"] for c in TOKEN_VECTORS])
def test_token_endpoint_vector_is_auth_failed(emu: Emulator, case: Dict[str, Any]) -> None:
    emu.reset()
    emu.fault(path="/auth/1/oauth2/token", status=case["status"], headers=case["headers"], body=case["body"])
    expected = case["expected"]
    with infobip.Client(emu.url, client_id="emulator", client_secret="emulator-password", max_retries=0) as c:
        with pytest.raises(infobip.AuthFailedError) as raised:
            c.request("GET", BALANCE)
    error = raised.value
    assert error.code == expected["code"] == "auth_failed"
    assert error.cause == expected["cause"] and error.status_code == expected["auth_status"]
    assert error.scheme == "OAuth2"
    if "message_contains" in expected:
        assert expected["message_contains"] in str(error)
    assert emu.requests(BALANCE) == [], "the call was not sent"
    copy = pickle.loads(pickle.dumps(error))
    assert (type(copy), copy.cause, copy.status_code) == (infobip.AuthFailedError, error.cause, error.status_code)


def test_a_panic_in_the_core_is_internal_error_never_a_crash() -> None:
    from infobip import _native

    for mode in ("sync", "blocking"):
        with pytest.raises(infobip.InternalError) as raised:
            _native._test_panic(mode)  # type: ignore[attr-defined]
        assert raised.value.code == "internal" and "on purpose" in str(raised.value)

    async def main() -> None:
        with pytest.raises(infobip.InternalError):
            await _native._test_panic("async")  # type: ignore[attr-defined]

    asyncio.run(main())


def test_real_authentication_error(emu: Emulator) -> None:
    with infobip.Client(emu.url, api_key="wrong-key", max_retries=0) as c:
        with pytest.raises(infobip.AuthenticationError) as raised:
            c.request("GET", BALANCE)
    assert raised.value.status_code == 401 and raised.value.code == "unauthorized"
    assert "wrong-key" not in str(raised.value) and "wrong-key" not in repr(raised.value)


def test_real_permission_denied(emu: Emulator) -> None:
    with infobip.Client(emu.url, api_key=LIMITED_KEY, max_retries=0) as c:
        with pytest.raises(infobip.PermissionDeniedError) as raised:
            c.request("POST", "/sms/3/messages",
                      json={"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "x"}}]})
    assert raised.value.status_code == 403


def test_real_bad_request_names_the_property(emu: Emulator, client: infobip.Client) -> None:
    with pytest.raises(infobip.BadRequestError) as raised:
        client.request("POST", "/sms/3/messages", json={"messages": [{"destinations": [], "content": {}}]})
    assert raised.value.violations, raised.value
    assert raised.value.request_id is None or isinstance(raised.value.request_id, str)


def test_real_rate_limit_and_server_error_from_faults(emu: Emulator, client: infobip.Client) -> None:
    emu.fault(path=BALANCE, status=429, headers={"Retry-After": "3"})
    with pytest.raises(infobip.RateLimitError) as limited:
        client.request("GET", BALANCE)
    assert limited.value.retry_after == 3.0
    emu.fault(path=BALANCE, status=503)
    with pytest.raises(infobip.InternalServerError) as failed:
        client.request("GET", BALANCE)
    assert failed.value.status_code == 503 and failed.value.error_code


def test_retries_then_success_counts_attempts(emu: Emulator) -> None:
    emu.fault(path=BALANCE, status=503, count=1)
    with infobip.Client(emu.url, api_key=emu.api_key, max_retries=2) as c:
        response = c.request("GET", BALANCE)
    assert response.status_code == 200 and response.attempts == 2


def test_configuration_error() -> None:
    with pytest.raises(infobip.ConfigurationError) as raised:
        infobip.Client("http://example.com", api_key="k")
    assert raised.value.code == "config" and "example.com" in str(raised.value)
    with pytest.raises(infobip.ConfigurationError):
        infobip.Client("http://127.0.0.1:1", api_key="k", username="u", password="p")
    with pytest.raises(infobip.ConfigurationError):
        infobip.Client("http://127.0.0.1:1", ibsso=True)


def test_connection_error_when_nothing_listens() -> None:
    with infobip.Client("http://127.0.0.1:1", api_key="k", max_retries=1) as c:
        with pytest.raises(infobip.APIConnectionError) as raised:
            c.request("GET", BALANCE)
    assert type(raised.value) is infobip.APIConnectionError
    assert raised.value.code == "connection" and raised.value.attempts == 2


def test_connection_reset_on_get_is_a_connection_error(emu: Emulator, client: infobip.Client) -> None:
    emu.fault(path=BALANCE, kind="reset_before_response")
    with pytest.raises(infobip.APIConnectionError) as raised:
        client.request("GET", BALANCE)
    assert type(raised.value) is infobip.APIConnectionError


def test_timeout_on_get(emu: Emulator, client: infobip.Client) -> None:
    emu.fault(path=BALANCE, kind="delay", delayMs=1500)
    with pytest.raises(infobip.APITimeoutError) as raised:
        client.with_options(timeout=0.2).request("GET", BALANCE)
    assert raised.value.code == "timeout"


def test_post_timeout_is_outcome_unknown_and_not_repeated(emu: Emulator) -> None:
    emu.fault(path="/sms/3/messages", kind="delay", delayMs=1500)
    body = {"messages": [{"destinations": [{"to": "41793026727"}], "content": {"text": "x"}}]}
    with infobip.Client(emu.url, api_key=emu.api_key, timeout=0.2, max_retries=2) as c:
        with pytest.raises(infobip.OutcomeUnknownError) as raised:
            c.request("POST", "/sms/3/messages", json=body)
    error = raised.value
    assert error.code == "outcome_unknown" and error.attempts == 1
    assert isinstance(error.message_ids, list)
    assert "POST /sms/3/messages" in error.operation
    assert len(emu.requests("/sms/3/messages")) == 1


def test_the_query_send_against_a_delay_is_sent_once_and_outcome_unknown_with_its_bulk_id(emu: Emulator) -> None:
    path = "/sms/3/text/query"
    with infobip.Client(emu.url, api_key=emu.api_key, timeout=0.5) as c:
        emu.fault(path=path, kind="delay", delayMs=1500)
        with pytest.raises(infobip.OutcomeUnknownError) as raised:
            c.call("send-sms-messages-over-query-parameters", query={"to": "41793026727", "text": "Hi"})
        sent = emu.requests(path)
        assert len(sent) == 1, "exactly one request received"
        assert raised.value.bulk_id and f"bulkId={raised.value.bulk_id}" in sent[0]["query"]
        assert raised.value.message_ids == []  # the endpoint has no place for message ids
        emu.fault(path=path, kind="delay", delayMs=1500)
        with pytest.raises(infobip.OutcomeUnknownError) as raised:
            c.request("GET", path, query={"to": "41793026727", "text": "Hi", "bulkId": "mine"})
        assert raised.value.bulk_id == "mine"
        assert len(emu.requests(path)) == 2


def test_decode_error_from_malformed_body(emu: Emulator, client: infobip.Client) -> None:
    emu.fault(path=BALANCE, kind="malformed_body")
    response = client.request("GET", BALANCE)
    with pytest.raises(infobip.DecodeError) as raised:
        response.json()
    assert raised.value.code == "decode" and raised.value.offset is not None


def test_validation_error_names_the_field() -> None:
    with infobip.Client("http://127.0.0.1:1", api_key="k") as c:
        with pytest.raises(infobip.ValidationError) as raised:
            c.request("POST", "/x", json={"schedule": {"send_at": datetime(2030, 1, 1)}})
    assert raised.value.violations[0].property == "json.schedule.send_at"
    assert "naive" in str(raised.value)


def test_async_errors_are_the_same_classes(emu: Emulator) -> None:
    async def main() -> None:
        emu.fault(path=BALANCE, status=404)
        async with infobip.AsyncClient(emu.url, api_key=emu.api_key, max_retries=0) as c:
            with pytest.raises(infobip.NotFoundError) as raised:
                await c.request("GET", BALANCE)
            assert raised.value.status_code == 404

    asyncio.run(main())


def test_exceptions_pickle_with_their_fields(emu: Emulator, client: infobip.Client) -> None:
    emu.fault(path=BALANCE, status=429, headers={"Retry-After": "2", "X-Request-Id": "rid-1"},
              body={"errorCode": "E429", "description": "slow down", "violations": [{"property": "p", "violation": "v"}]})
    with pytest.raises(infobip.RateLimitError) as raised:
        client.request("GET", BALANCE)
    original = raised.value
    copy = pickle.loads(pickle.dumps(original))
    assert type(copy) is infobip.RateLimitError
    assert str(copy) == str(original)
    for field in ("code", "status_code", "error_code", "text", "violations", "request_id", "retry_after", "body",
                  "attempts", "operation", "resources"):
        assert getattr(copy, field) == getattr(original, field), field
    assert copy.request_id == "rid-1" and copy.retry_after == 2.0
    outcome = infobip.OutcomeUnknownError("m", bulk_id="b-1", message_ids=["m-1", "m-2"], attempts=1)
    again = pickle.loads(pickle.dumps(outcome))
    assert (again.bulk_id, again.message_ids, again.code) == ("b-1", ["m-1", "m-2"], "outcome_unknown")
    validation = pickle.loads(pickle.dumps(infobip.ValidationError("bad", violations=[("to", "empty")])))
    assert validation.violations == [infobip.Violation("to", "empty")]
