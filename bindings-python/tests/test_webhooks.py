"""infobip.webhooks: tests/vectors/webhooks.json, and verification."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from datetime import datetime, timezone
from typing import Any, Callable, Dict

import pytest

import infobip
from conftest import ROOT

VECTORS = json.loads((ROOT / "tests" / "vectors" / "webhooks.json").read_text())["cases"]


def _infobip_time(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}+0000"
    if isinstance(value, int) and value > 10**11:  # epoch milliseconds
        return _infobip_time(datetime.fromtimestamp(value / 1000, timezone.utc))
    return value


def _get(path: str) -> Callable[[Any], Any]:
    def read(model: Any) -> Any:
        for part in path.split("."):
            model = None if model is None else getattr(model, part)
        return _infobip_time(model)
    return read


FIELDS: Dict[str, Callable[[Any], Any]] = {
    "status_group": _get("status.group_name"), "status_id": _get("status.id"), "status_name": _get("status.name"),
    "error_name": _get("error.name"), "error_group_name": _get("error.group_name"),
    "error_permanent": _get("error.permanent"), "price_per_message": _get("price.price_per_message"),
    "currency": _get("price.currency"), "entity_id": _get("platform.entity_id"),
    "application_id": _get("platform.application_id"), "from": _get("from_"), "sent_at": _get("sent_at"),
    "device_type": _get("recipient_info.device_type"), "country_name": _get("geo_location_info.country_name"),
}


def _check(model: Any, expected: Dict[str, Any], kind: str) -> None:
    for key, want in expected.items():
        if kind == "click" and key == "sent_at":
            got = _infobip_time(model.send_date_time)
        else:
            got = FIELDS.get(key, _get(key))(model)
        assert got == want, (key, got, want)


@pytest.mark.parametrize("case", VECTORS, ids=[c["name"] for c in VECTORS])
def test_webhook_vector(case: Dict[str, Any]) -> None:
    body = case["body"].encode() if isinstance(case["body"], str) else json.dumps(case["body"]).encode()
    expected = case["expected"]
    parse = {"delivery_reports": infobip.webhooks.parse_delivery_reports, "inbound": infobip.webhooks.parse_inbound,
             "click": infobip.webhooks.parse_click}[case["kind"]]
    if "error" in expected:
        with pytest.raises(infobip.DecodeError) as raised:
            parse(body)
        assert raised.value.code == expected["error"]
        return
    result = parse(body)
    if case["kind"] == "delivery_reports":
        assert len(result) == expected["count"]
        for report, want in zip(result, expected["reports"]):
            assert isinstance(report, infobip.DeliveryReport)
            _check(report, want, "delivery_reports")
    elif case["kind"] == "inbound":
        assert isinstance(result, infobip.InboundMessages) and len(result.results) == expected["count"]
        _check(result, {k: v for k, v in expected.items() if k in ("message_count", "pending_message_count")}, "")
        for message, want in zip(result.results, expected["messages"]):
            _check(message, want, "inbound")
    else:
        assert isinstance(result, infobip.UrlClick)
        _check(result, expected, "click")


def test_verify_basic_and_hmac() -> None:
    header = "Basic " + base64.b64encode(b"hook:SECRET-PW").decode()
    infobip.webhooks.verify_basic(header, username="hook", password="SECRET-PW")
    with pytest.raises(infobip.WebhookVerificationError) as raised:
        infobip.webhooks.verify_basic(header, username="hook", password="other")
    assert raised.value.code == "webhook_verification" and "SECRET" not in str(raised.value)
    with pytest.raises(infobip.WebhookVerificationError):
        infobip.webhooks.verify_basic(None, username="hook", password="SECRET-PW")
    body = b'{"results": []}'
    signature = hmac.new(b"SECRET-KEY", body, hashlib.sha256).hexdigest()
    infobip.webhooks.verify_hmac(body, signature, secret="SECRET-KEY")
    infobip.webhooks.verify_hmac(body, "sha256=" + signature, secret="SECRET-KEY", algorithm="HMAC_SHA_256")
    with pytest.raises(infobip.WebhookVerificationError) as bad:
        infobip.webhooks.verify_hmac(body + b" ", signature, secret="SECRET-KEY")
    assert "SECRET" not in str(bad.value)
    with pytest.raises(infobip.InfobipError):
        infobip.webhooks.verify_hmac(body, signature, secret="k", algorithm="rot13")
