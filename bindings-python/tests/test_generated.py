"""The generated layer against the emulator: one operation of every product (46), asserting
the request the emulator received (method, path, query, body) and typed fields of the result.

The arguments are snake_case keyword arguments; the bodies expected on the wire are the API's
camelCase JSON, so every case also checks the core's snake → wire conversion along the spec.
"""

from __future__ import annotations

import itertools
import json
import pickle
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, List, Optional

import pytest

import infobip
from conftest import Emulator
from infobip import types

LATER = (datetime.now(timezone.utc) + timedelta(days=1)).replace(microsecond=0)


def _first(pager: Any, n: int = 2) -> List[Any]:
    return list(itertools.islice(pager, n))


@dataclass
class Case:
    product: str
    call: Callable[[infobip.Client], Any]
    method: str
    path: str
    query: str
    body: Optional[Any]
    check: Callable[[Any], None]


def _sent(bulk_id: str, result: Any) -> None:
    assert result.bulk_id == bulk_id
    assert result.messages[0].status.group_name in ("PENDING", "ACCEPTED")


CASES = [
    Case(
        "tfa",
        lambda c: c.tfa.create_2fa_application(
            name="2fa test", enabled=True,
            configuration={"pin_attempts": 10, "allow_multiple_pin_verifications": True, "pin_time_to_live": "15m"},
        ),
        "POST", "/2fa/2/applications", "",
        {"name": "2fa test", "enabled": True,
         "configuration": {"pinAttempts": 10, "allowMultiplePinVerifications": True, "pinTimeToLive": "15m"}},
        lambda r: (isinstance(r, types.tfa.ApplicationResponse) and r.application_id and r.name == "2fa test"
                   and r.configuration.pin_attempts == 10 and r.configuration.pin_time_to_live == "15m") or _fail(r),
    ),
    Case(
        "account_management",
        lambda c: c.account_management.update_account(account_key="acc-1", name="New Account Name", enabled=True),
        "PUT", "/settings/1/accounts/acc-1", "", {"name": "New Account Name", "enabled": True},
        lambda r: (isinstance(r, types.account_management.Account) and r.enabled is False and r.key == "string")
        or _fail(r),
    ),
    Case(
        "ai_assistants",
        lambda c: c.ai_assistants.query_ai_assistant(assistant_id="asst-1", message="Opening hours?"),
        "POST", "/ai/1/aiassistants/asst-1/query", "", {"message": "Opening hours?"},
        lambda r: (isinstance(r, types.ai_assistants.QueryAiAssistantApiResponse) and "SMS API" in r.response)
        or _fail(r),
    ),
    Case(
        "answers",
        lambda c: c.answers.start_test(bot_id=42, webhook_url="https://example.com/bot-test"),
        "POST", "/bots/1/testing/start", "", {"botId": 42, "webhookUrl": "https://example.com/bot-test"},
        lambda r: (isinstance(r, types.answers.TestingStartResponse) and r.test_id == 123 and r.sender == "12343534")
        or _fail(r),
    ),
    Case(
        "apple_mfb",
        lambda c: c.apple_mfb.send_apple_mfb_message(
            messages=[{"sender": "a42fa0e0", "destinations": [{"to": "urn:mbid:AQAAY9"}],
                       "content": {"text": "Some text", "type": "TEXT"}}]),
        "POST", "/apple-mfb/1/messages", "",
        {"messages": [{"sender": "a42fa0e0", "destinations": [{"to": "urn:mbid:AQAAY9"}],
                       "content": {"text": "Some text", "type": "TEXT"}}]},
        lambda r: _sent("1688025180464000013", r),
    ),
    Case(
        "application_entity",
        lambda c: _first(c.application_entity.get_applications(size=2)),
        "GET", "/provisioning/1/applications", "page=0&size=2", None,
        lambda r: (isinstance(r[0], types.application_entity.Application)
                   and r[0].application_id == "test-application" and r[0].application_name == "Test name")
        or _fail(r),
    ),
    Case(
        "billing_usage_api",
        lambda c: c.billing_usage_api.query_billing_usage(
            callback_url="https://example.com/receive",
            request={"filter_by": {"date_interval": {"sent_since": "2026-03-01", "sent_until": "2026-04-01"}},
                     "aggregate_by": ["CATEGORY_CODE"], "options": {"include_unfinalized_data": True}}),
        "POST", "/billing/1/usage/query", "",
        {"callbackUrl": "https://example.com/receive",
         "request": {"filterBy": {"dateInterval": {"sentSince": "2026-03-01", "sentUntil": "2026-04-01"}},
                     "aggregateBy": ["CATEGORY_CODE"], "options": {"includeUnfinalizedData": True}}},
        lambda r: (isinstance(r, types.billing_usage_api.QueryAggregateDataResponse)
                   and r.request_id == "B61D150B0F6596F68D88D253886432B5") or _fail(r),
    ),
    Case(
        "biometrics",
        lambda c: c.biometrics.get_biometrics_scenarios(),
        "GET", "/biometrics/1/scenarios", "", None,
        lambda r: (isinstance(r.scenarios[0], types.biometrics.ScenarioDescription)
                   and r.scenarios[0].name == "CODE_EXTRACTION_QR") or _fail(r),
    ),
    Case(
        "blocklist",
        lambda c: _first(c.blocklist.get_all_blocklists()),
        "GET", "/platform/1/blocklists", "page=0", None,
        lambda r: (isinstance(r[0], types.blocklist.BlocklistResponse) and r[0].channel == "MMS"
                   and r[0].created_date == datetime(2022, 8, 18, 12, 36, 42, 123000, timezone.utc)) or _fail(r),
    ),
    Case(
        "camara",
        lambda c: c.camara.verify_number(phone_number="+441134961234"),
        "POST", "/camara/number-verification/v0/verify", "", {"phoneNumber": "+441134961234"},
        lambda r: (isinstance(r, types.camara.NumberVerifyResponseDto) and r.device_phone_number_verified is True)
        or _fail(r),
    ),
    Case(
        "catalogs_api",
        lambda c: c.catalogs_api.get_catalog(id=10000),
        "GET", "/catalogs/1/catalogs/10000", "", None,
        lambda r: (isinstance(r, types.catalogs_api.CatalogDto) and r.id == 10000 and r.type == "BLANK") or _fail(r),
    ),
    Case(
        "common_assets",
        lambda c: c.common_assets.saas_request_status(request_id="req-1"),
        "GET", "/saas/1/request/req-1/status", "", None,
        lambda r: (isinstance(r, types.common_assets.RequestStatusResponse) and r.status == "IN_PROGRESS"
                   and r.details["status"] == "IN_PROGRESS") or _fail(r),
    ),
    Case(
        "conversations",
        lambda c: c.conversations.create_tag(name="vip"),
        "POST", "/ccaas/1/tags", "", {"name": "vip"},
        lambda r: (isinstance(r, types.conversations.CreateTagApiRequest) and r.name == "Tag 1") or _fail(r),
    ),
    Case(
        "email",
        lambda c: c.email.send_email_messages_api(
            messages=[{"sender": "shop@example.com", "destinations": [{"to": [{"destination": "ann@example.com"}]}],
                       "content": {"subject": "Your order", "text": "Thank you"}}]),
        "POST", "/email/4/messages", "",
        {"messages": [{"sender": "shop@example.com", "destinations": [{"to": [{"destination": "ann@example.com"}]}],
                       "content": {"subject": "Your order", "text": "Thank you"}}]},
        lambda r: (isinstance(r, types.email.EmailResponse) and r.messages[0].status.group_name == "PENDING")
        or _fail(r),
    ),
    Case(
        "instagram",
        lambda c: c.instagram.send_instagram_message(
            messages=[{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]),
        "POST", "/instagram/1/messages", "",
        {"messages": [{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]},
        lambda r: (r.bulk_id == "string" and r.messages[0].status.group_name == "ACCEPTED") or _fail(r),
    ),
    Case(
        "kakao",
        lambda c: c.kakao.send_kakao_sangdam_message(
            messages=[{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]),
        "POST", "/kakao-sangdam/1/messages", "",
        {"messages": [{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]},
        lambda r: _sent("2034072219640523072", r),
    ),
    Case(
        "knowledge_base",
        lambda c: _first(c.knowledge_base.get_articles(size=1), 1),
        "GET", "/knowledge-base/1/articles", "page=0&size=1", None,
        lambda r: (isinstance(r[0], types.knowledge_base.ArticleListItemResponse)
                   and r[0].name == "Getting Started with SMS API" and r[0].tags == ["sms", "api"]
                   and r[0].last_updated_at == datetime(2025, 6, 15, 14, 20, tzinfo=timezone.utc)) or _fail(r),
    ),
    Case(
        "line",
        lambda c: c.line.get_outbound_line_message_delivery_reports(bulk_id="b-1", limit=2),
        "GET", "/line/1/reports", "bulkId=b-1&limit=2", None,
        lambda r: (isinstance(r.results[0].price, types.line.MessagePrice) and r.results[0].price.currency == "EUR"
                   and r.results[0].status.group_name == "DELIVERED" and isinstance(r.results[0].sent_at, datetime))
        or _fail(r),
    ),
    Case(
        "live_chat",
        lambda c: c.live_chat.invalidate_customer_session(widget_id="w-1", session_id="s-1"),
        "DELETE", "/livechat/1/widgets/w-1/sessions/s-1", "", None,
        lambda r: r is None or _fail(r),
    ),
    Case(
        "messages_api",
        lambda c: c.messages_api.send_messages_api_message(
            messages=[{"channel": "SMS", "sender": "447491163862", "destinations": [{"to": "447491163530"}],
                       "content": {"body": {"text": "Hello", "type": "TEXT"}}}]),
        "POST", "/messages-api/1/messages", "",
        {"messages": [{"channel": "SMS", "sender": "447491163862", "destinations": [{"to": "447491163530"}],
                       "content": {"body": {"text": "Hello", "type": "TEXT"}}}]},
        lambda r: (r.messages[0].status.name == "MESSAGE_ACCEPTED" and r.messages[0].destination == "447491163530"
                   and bool(r.bulk_id) and bool(r.messages[0].message_id))
        or _fail(r),
    ),
    Case(
        "messenger",
        lambda c: c.messenger.create_messenger_campaign(name="Summer Sale", daily_budget=10000,
                                                        ad_account_id="ACT_1", page_id="111"),
        "POST", "/messenger/1/campaigns", "",
        {"name": "Summer Sale", "dailyBudget": 10000, "adAccountId": "ACT_1", "pageId": "111"},
        lambda r: (isinstance(r, types.messenger.CampaignResponse) and r.id == "120213234151570") or _fail(r),
    ),
    Case(
        "metrics_api",
        lambda c: c.metrics_api.get_aggregate_request_status(request_id="r-1"),
        "GET", "/metrics/1/requests/r-1", "", None,
        lambda r: (isinstance(r, types.metrics_api.RequestInfo) and r.status == "IN_PROGRESS") or _fail(r),
    ),
    Case(
        "mms",
        lambda c: c.mms.send_mms_messages(
            messages=[{"sender": "441134960000", "destinations": [{"to": "441134960001"}],
                       "content": {"title": "Title", "message_segments": [{"text": "Some text", "type": "TEXT"}]},
                       "options": {"regional": {"south_korea": {"reseller_code": 123}}}}]),
        "POST", "/mms/2/messages", "",
        {"messages": [{"sender": "441134960000", "destinations": [{"to": "441134960001"}],
                       "content": {"title": "Title", "messageSegments": [{"text": "Some text", "type": "TEXT"}]},
                       "options": {"regional": {"southKorea": {"resellerCode": 123}}}}]},
        lambda r: _sent("a28dd97c-2222-4fcf-99f1-0b557ed381da", r),
    ),
    Case(
        "mobile_app_messaging",
        lambda c: c.mobile_app_messaging.get_push_statistics(bulk_id="b-1"),
        "GET", "/push/1/statistics", "bulkId=b-1", None,
        lambda r: (isinstance(r.errors, types.mobile_app_messaging.ErrorInfo) and r.total_sent == 31569
                   and r.delivery.rate == 93.66) or _fail(r),
    ),
    Case(
        "mobile_identity",
        lambda c: c.mobile_identity.check_sim_swap(consent_granted=True, phone_number="41793026727", period=240),
        "POST", "/mi/simswap/1/check", "", {"consentGranted": True, "phoneNumber": "41793026727", "period": 240},
        lambda r: (isinstance(r, types.mobile_identity.CheckSimSwapResponse) and r.sim_swap_occurred is False)
        or _fail(r),
    ),
    Case(
        "moments",
        lambda c: c.moments.add_flow_participants(
            campaign_id=200000000000001,
            participants=[{"identify_by": {"identifier": "test@infobip.com", "type": "EMAIL"},
                           "variables": {"orderNumber": 1167873391}}]),
        "POST", "/moments/1/flows/200000000000001/participants", "",
        {"participants": [{"identifyBy": {"identifier": "test@infobip.com", "type": "EMAIL"},
                           "variables": {"orderNumber": 1167873391}}]},
        lambda r: (isinstance(r, types.moments.AddFlowParticipantsResponse)
                   and r.operation_id == "03f2d474-0508-46bf-9f3d-d8e2c28adaea") or _fail(r),
    ),
    Case(
        "number_activation_state",
        lambda c: _first(c.number_activation_state.get_reports_metadata(), 1),
        "GET", "/number-activation-state/1/network-reports", "page=0", None,
        lambda r: (isinstance(r[0], types.number_activation_state.ReportMetadata) and r[0].network_id == 1717)
        or _fail(r),
    ),
    Case(
        "number_lookup",
        lambda c: c.number_lookup.number_context_lookup(to=["41793026727"]),
        "POST", "/number/1/query", "", {"to": ["41793026727"]},
        lambda r: (isinstance(r.results[0].original_network, types.number_lookup.Network)
                   and r.results[0].original_network.network_name == "Swisscom" and r.results[0].ported is False)
        or _fail(r),
    ),
    Case(
        "numbers",
        lambda c: c.numbers.update_owned_number(number_key="n-1", application_id="appId", entity_id="entId"),
        "PUT", "/numbers/1/numbers/n-1", "", {"applicationId": "appId", "entityId": "entId"},
        lambda r: (isinstance(r.price, types.numbers.NumberPrice) and r.number == "447860041117"
                   and r.capabilities == ["SMS"]) or _fail(r),
    ),
    Case(
        "omni_failover",
        lambda c: c.omni_failover.create_omni_failover_scenario(
            name="SMS with e-mail fallback",
            flow=[{"from": "Travel agency", "channel": "SMS"}, {"from": "info@travelagency.com", "channel": "EMAIL"}],
            default=False),
        "POST", "/omni/1/scenarios", "",
        {"name": "SMS with e-mail fallback",
         "flow": [{"from": "Travel agency", "channel": "SMS"}, {"from": "info@travelagency.com", "channel": "EMAIL"}],
         "default": False},
        lambda r: (isinstance(r.flow[0], types.omni_failover.Step) and r.flow[0].from_ == "Travel agency"
                   and r.flow[1].channel == "EMAIL" and r.to_dict()["flow"][0]["from"] == "Travel agency")
        or _fail(r),
    ),
    Case(
        "open_channel",
        lambda c: c.open_channel.send_open_channel_inbound_message(
            sender="user-1", destination="channel-1", content={"body": {"type": "TEXT", "text": "Hello"}}),
        "POST", "/open-channel/1/messages/inbound", "",
        {"sender": "user-1", "destination": "channel-1", "content": {"body": {"type": "TEXT", "text": "Hello"}}},
        lambda r: (isinstance(r, types.open_channel.OpenChannelMessageResponse) and r.status == "MESSAGE_ACCEPTED")
        or _fail(r),
    ),
    Case(
        "openapi",
        lambda c: c.openapi.get_openapi(),
        "GET", "/platform/1/openapi", "", None,
        lambda r: isinstance(r, dict) or _fail(r),
    ),
    Case(
        "people",
        lambda c: c.people.get_a_tag(name="Vip"),
        "GET", "/people/2/tags/Vip", "", None,
        lambda r: (isinstance(r, types.people.IamTagV2) and r.id == 123 and r.name == "Vip") or _fail(r),
    ),
    Case(
        "rcs",
        lambda c: c.rcs.add_rcs_test_number(sender_name="DemoSender", test_number="+441134960001", primary=False),
        "POST", "/rcs/1/senders/DemoSender/test-numbers", "", {"testNumber": "+441134960001", "primary": False},
        lambda r: (isinstance(r, types.rcs.RcsTestNumberRequestAcceptedResponse) and r.status == "PENDING"
                   and r.test_number == "+441134960001") or _fail(r),
    ),
    Case(
        "resources",
        lambda c: c.resources.get_inbound_configurations(channel="SMS"),
        "GET", "/resource-management/1/inbound-message-configurations", "channel=SMS", None,
        lambda r: (isinstance(r[0].platform, types.resources.PlatformDocs) and r[0].keyword == "STARTKW"
                   and r[0].forwarding.type == "PULL") or _fail(r),
    ),
    Case(
        "sending_strategy",
        lambda c: c.sending_strategy.create_sending_strategy_v2(platform={"application_id": "default"}),
        "POST", "/provisioning/2/sending-strategies", "", {"platform": {"applicationId": "default"}},
        lambda r: (isinstance(r, types.sending_strategy.SendingStrategyId)
                   and r.sending_strategy_id == "78D8394AC3EG0460B4CF0E723FC31B49") or _fail(r),
    ),
    Case(
        "signals",
        lambda c: c.signals.trusted_msisdns_check(msisdn="38512345678"),
        "GET", "/signals/1/trusted-msisdns/38512345678/check", "", None,
        lambda r: (isinstance(r, types.signals.TrustedMsisdnCheckResponse) and r.exists is False) or _fail(r),
    ),
    Case(
        "sms",
        lambda c: c.sms.send_sms_messages(
            messages=[{"sender": "InfoSMS", "destinations": [{"to": "41793026727", "message_id": "msg-1"}],
                       "content": {"text": "Hello"}}],
            options={"schedule": {"bulk_id": "bulk-1", "send_at": LATER}}),
        "POST", "/sms/3/messages", "",
        {"messages": [{"sender": "InfoSMS", "destinations": [{"to": "41793026727", "messageId": "msg-1"}],
                       "content": {"text": "Hello"}}],
         "options": {"schedule": {"bulkId": "bulk-1", "sendAt": LATER.strftime("%Y-%m-%dT%H:%M:%S.000+0000")}}},
        lambda r: (isinstance(r, types.sms.SmsResponseEnvelope) and r.bulk_id == "bulk-1"
                   and r.messages[0].message_id == "msg-1") or _fail(r),
    ),
    Case(
        "subscriptions_api",
        lambda c: c.subscriptions_api.update_security_settings(
            auth_id="auth-1", type="BASIC", credentials={"username": "user1", "password": "password1"}),
        "PUT", "/subscriptions/1/security/auth-1", "",
        {"type": "BASIC", "credentials": {"username": "user1", "password": "password1"}},
        lambda r: (isinstance(r, types.subscriptions_api.Security) and r.auth_id == "NEWAUTH-9291") or _fail(r),
    ),
    Case(
        "tiktok",
        lambda c: c.tiktok.send_tiktok_events(
            events=[{"sender": "sender-1", "destinations": [{"to": "u5Nk"}], "content": {"type": "TYPING_INDICATOR"}}]),
        "POST", "/tiktok/1/events", "",
        {"events": [{"sender": "sender-1", "destinations": [{"to": "u5Nk"}], "content": {"type": "TYPING_INDICATOR"}}]},
        lambda r: _sent("a28dd97c-2222-4fcf-99f1-0b557ed381da", r),
    ),
    Case(
        "viber",
        lambda c: c.viber.send_viber_bot_message(
            messages=[{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]),
        "POST", "/viber-bot/1/messages", "",
        {"messages": [{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                       "content": {"text": "Hello!", "type": "TEXT"}}]},
        # The emulator stores Viber Bot sends: the answer names the destination and fresh ids.
        lambda r: (_sent(r.bulk_id, r), r.bulk_id != "2034072219640523072" or _fail(r),
                   r.messages[0].destination == "66855538125" or _fail(r)),
    ),
    Case(
        "vocalize",
        lambda c: c.vocalize.vocalize_update_campaign_settings(
            campaign_id="camp-1", max_daily_attempts_per_user=15, stt_model_provider="GOOGLE"),
        "PATCH", "/vocalize/2/campaigns/camp-1/settings", "",
        {"maxDailyAttemptsPerUser": 15, "sttModelProvider": "GOOGLE"},
        lambda r: (isinstance(r, types.vocalize.CampaignResponse) and r.keyword_spec["en-US"] == "Hello from Infobip"
                   and r.active_from == datetime(2026, 6, 1, 14, 0, tzinfo=timezone.utc)) or _fail(r),
    ),
    Case(
        "voice",
        lambda c: c.voice.hangup_call(call_id="call-1"),
        "POST", "/calls/1/calls/call-1/hangup", "", None,
        lambda r: (isinstance(r.endpoint, types.voice.PhoneEndpoint) and r.endpoint.phone_number == "41792030000"
                   and r.from_ == "44790123456") or _fail(r),
    ),
    Case(
        "webrtc_calls",
        lambda c: c.webrtc_calls.create_subdomain(name="infobip"),
        "POST", "/call-link/1/subdomains", "", {"name": "infobip"},
        lambda r: (isinstance(r, types.webrtc_calls.Subdomain) and r.name == "string") or _fail(r),
    ),
    Case(
        "whatsapp",
        lambda c: c.whatsapp.send_whatsapp_template_message(
            messages=[{"from": "441134960000", "to": "441134960001", "message_id": "wa-1",
                       "content": {"template_name": "welcome", "template_data": {"body": {"placeholders": ["Ann"]}},
                                   "language": "en_GB"},
                       "callback_data": "cb"}]),
        "POST", "/whatsapp/1/message/template", "",
        {"messages": [{"from": "441134960000", "to": "441134960001", "messageId": "wa-1",
                       "content": {"templateName": "welcome", "templateData": {"body": {"placeholders": ["Ann"]}},
                                   "language": "en_GB"},
                       "callbackData": "cb"}]},
        lambda r: (isinstance(r, types.whatsapp.BulkMessageInfo) and r.messages[0].to == "441134960001"
                   and r.messages[0].status.group_name == "PENDING") or _fail(r),
    ),
    Case(
        "zalo",
        lambda c: c.zalo.send_zalo_message(
            messages=[{"sender": "ACCOUNT-1", "destinations": [{"to": "41793026727"}],
                       "content": {"template_name": 322307, "template_data": {"customer_name": "John Smith"},
                                   "type": "TEMPLATE"}}]),
        "POST", "/zalo/2/messages", "",
        {"messages": [{"sender": "ACCOUNT-1", "destinations": [{"to": "41793026727"}],
                       "content": {"templateName": 322307, "templateData": {"customer_name": "John Smith"},
                                   "type": "TEMPLATE"}}]},
        lambda r: _sent("a28dd97c-2222-4fcf-99f1-0b557ed381da", r),
    ),
]


_ASSIGNED = {"messageId", "bulkId"}


def _without_assigned_ids(sent: Any, expected: Any) -> Any:
    """`sent` less the ids the SDK assigns to a send (`messageId`, `bulkId`, and the objects
    holding only them) where the test did not give them; every other extra key stays."""
    if isinstance(sent, dict) and isinstance(expected, dict):
        kept = {}
        for key, value in sent.items():
            if key in expected:
                kept[key] = _without_assigned_ids(value, expected[key])
            elif key in _ASSIGNED:
                continue
            elif isinstance(value, dict):
                rest = _without_assigned_ids(value, {})
                if rest:
                    kept[key] = rest
            else:
                kept[key] = value
        return kept
    if isinstance(sent, list) and isinstance(expected, list) and len(sent) == len(expected):
        return [_without_assigned_ids(s, e) for s, e in zip(sent, expected)]
    return sent


def _fail(result: Any) -> None:
    raise AssertionError(f"unexpected result: {result!r}")


def test_every_product_has_a_case() -> None:
    products = {op["product"].replace("-", "_") for op in infobip.operations()}
    assert {case.product for case in CASES} == (products - {"2fa"}) | {"tfa"}
    assert len(CASES) == 46


@pytest.mark.parametrize("case", CASES, ids=[case.product for case in CASES])
def test_one_operation_of_every_product(emu: Emulator, client: infobip.Client, case: Case) -> None:
    result = case.call(client)
    received = [r for r in emu.requests() if not r["path"].startswith("/_emulator")]
    assert [(r["method"], r["path"], r["query"]) for r in received][:1] == [(case.method, case.path, case.query)]
    if case.body is None:
        assert received[0]["body"] == ""
    else:
        assert _without_assigned_ids(json.loads(received[0]["body"]), case.body) == case.body
    case.check(result)
    if isinstance(result, infobip.Model):
        assert result.raw_response is not None and result.raw_response.status_code in (200, 201, 202)
        copy = pickle.loads(pickle.dumps(result))
        assert copy == result and copy.raw_response is None


def test_async_client_has_the_same_namespaces(emu: Emulator) -> None:
    import asyncio

    async def main() -> None:
        async with infobip.AsyncClient(emu.url, api_key=emu.api_key) as client:
            sent = await client.viber.send_viber_bot_message(
                messages=[{"sender": "ACCOUNT-1", "destinations": [{"to": "66855538125"}],
                           "content": {"text": "Hello!", "type": "TEXT"}}])
            assert isinstance(sent, types.viber.ResponseEnvelopeMessageResponseMessageResponseDetails)
            assert sent.raw_response is not None and sent.raw_response.request_id
            found = [item async for item in client.blocklist.get_all_blocklists(size=1)]
            assert found and all(isinstance(item, types.blocklist.BlocklistResponse) for item in found)
            assert await client.live_chat.invalidate_customer_session(widget_id="w", session_id="s") is None

    asyncio.run(main())
    assert emu.requests("/viber-bot/1/messages")[0]["method"] == "POST"


def test_every_operation_is_one_method_on_both_clients() -> None:
    import importlib
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    import count_operations

    catalog = {op["id"]: op for op in infobip.operations()}
    seen = {}
    client = infobip.Client("http://127.0.0.1:9", api_key="k")
    aclient = infobip.AsyncClient("http://127.0.0.1:9", api_key="k")
    for path in sorted(count_operations.RESOURCES.glob("*.py")):
        if path.name == "__init__.py":
            continue
        classes = count_operations.methods(path)
        assert len(classes) == 2, path
        sync, async_ = (classes[name] for name in sorted(classes, key=lambda n: n.startswith("Async")))
        assert sync == async_, path  # the same name for the same operation on both clients
        for name, op in sync.items():
            assert op not in seen, f"{op} is both {seen[op]} and {name}"
            seen[op] = name
            assert catalog[op]["product"].replace("-", "_") in (path.stem, "2fa")
            assert callable(getattr(getattr(client, path.stem), name))
            assert callable(getattr(getattr(aclient, path.stem), name))
        module = importlib.import_module(f"infobip.resources.{path.stem}")
        for cls in (getattr(module, n) for n in module.__all__):
            for name, op in sync.items():
                marked = hasattr(getattr(cls, name), "__deprecated__")
                assert marked == catalog[op]["deprecated"], (op, marked)
    assert set(seen) == set(catalog) and len(seen) == 943


def test_generated_methods_do_not_replace_the_hand_written_ones() -> None:
    from infobip import _native
    from infobip.resources import sms, tfa

    for generated, native in ((sms.Sms, _native.Sms), (sms.AsyncSms, _native.AsyncSms), (tfa.Tfa, _native.Tfa),
                              (tfa.AsyncTfa, _native.AsyncTfa)):
        overridden = {name for name in vars(generated) if not name.startswith("__") and hasattr(native, name)}
        assert not overridden, (generated, overridden)
    client = infobip.Client("http://127.0.0.1:9", api_key="k")
    assert isinstance(client.sms, infobip.Sms) and callable(client.sms.send) and callable(client.sms.send_sms_messages)
    assert client.sms is client.sms and client.with_options(timeout=1).sms is not client.sms


def test_deprecated_operations_warn_naming_their_successor(emu: Emulator, client: infobip.Client) -> None:
    with pytest.warns(DeprecationWarning, match="get_outbound_sms_message_logs_v3"):
        found = client.sms.get_outbound_sms_message_logs(bulk_id=["none"])
    assert found.results == []
    assert emu.requests("/sms/1/logs")[0]["query"] == "bulkId=none"


def test_wrong_arguments_are_refused_before_sending(emu: Emulator, client: infobip.Client) -> None:
    cases = [
        (lambda: client.whatsapp.send_whatsapp_template_message(
            messages=[{"from": "4411", "to": "4412", "content": {"template_name": "t", "language": "en",
                                                                  "template_data": {"body": {"placeholderz": []}}}}]),
         "messages[0].content.template_data.body.placeholderz"),
        (lambda: client.email.send_email_messages_api(
            messages=[{"sender": 5, "destinations": [{"to": [{"destination": "a@example.com"}]}],
                       "content": {"subject": "s", "text": "t"}}]),
         "messages[0].sender"),
        (lambda: list(client.sms.get_outbound_sms_message_logs_v3(limit="many")), "limit"),  # checked at the first page
        (lambda: client.viber.send_viber_bot_message(
            messages=[{"sender": "A", "destinations": [{"to": "1"}], "content": {"text": "x", "type": "TEXT"},
                       "options": {"platform": {"entityy_id": "e"}}}]),
         "messages[0].options.platform.entityy_id"),
    ]
    for call, path in cases:
        with pytest.raises(infobip.ValidationError) as raised:
            call()
        assert path in [v.property for v in raised.value.violations], raised.value.violations
    assert [r for r in emu.requests() if not r["path"].startswith("/_emulator")] == []
    with pytest.raises(TypeError, match="colour"):
        client.viber.send_viber_bot_message(messages=[], colour="red")  # type: ignore[call-arg]


def test_validate_false_sends_what_the_spec_refuses(emu: Emulator) -> None:
    body = [{"sender": "A", "destinations": [{"to": "1"}], "content": {"text": "x", "type": "NEW_TYPE"}}]
    with infobip.Client(emu.url, api_key=emu.api_key, validate=False) as lenient:
        with pytest.raises(infobip.BadRequestError):  # the emulator checks too
            lenient.viber.send_viber_bot_message(messages=body)
    with infobip.Client(emu.url, api_key=emu.api_key) as strict:
        with pytest.raises(infobip.ValidationError):
            strict.viber.send_viber_bot_message(messages=body)
        with pytest.raises(infobip.BadRequestError):
            strict.viber.send_viber_bot_message(messages=body, validate=False)
        with pytest.raises(infobip.BadRequestError):
            strict.with_options(validate=False).viber.send_viber_bot_message(messages=body)
    sent = [json.loads(r["body"]) for r in emu.requests("/viber-bot/1/messages")]
    assert len(sent) == 3 and all(s["messages"][0]["content"]["type"] == "NEW_TYPE" for s in sent)


@pytest.mark.parametrize("channel", ["whatsapp", "viber"])
def test_a_send_in_doubt_is_outcome_unknown_with_its_ids_and_sent_once(emu: Emulator, channel: str) -> None:
    path, send = {
        "whatsapp": ("/whatsapp/1/message/template", lambda c: c.whatsapp.send_whatsapp_template_message(
            messages=[{"from": "441134960000", "to": "441134960001",
                       "content": {"template_name": "welcome", "template_data": {"body": {"placeholders": ["Ann"]}},
                                   "language": "en_GB"}}])),
        "viber": ("/viber/2/messages", lambda c: c.viber.send_viber_messages(
            messages=[{"sender": "DemoCompany", "destinations": [{"to": "41793026727"}],
                       "content": {"text": "In doubt", "type": "TEXT"}}])),
    }[channel]
    emu.fault(path=path, kind="delay", delayMs=700)
    with infobip.Client(emu.url, api_key=emu.api_key, timeout=0.2, max_retries=2) as c:
        with pytest.raises(infobip.OutcomeUnknownError) as raised:
            send(c)
    error = raised.value
    assert error.bulk_id and len(error.message_ids) == 1
    recorded = emu.requests(path)
    assert len(recorded) == 1  # written once, never repeated
    assert error.bulk_id in recorded[0]["body"] and error.message_ids[0] in recorded[0]["body"]
