"""A short user session with the installed `infobip-sdk` wheel, against the emulator.

Run by packaging/smoke/python.sh in a fresh virtualenv with no Rust toolchain on PATH;
INFOBIP_BASE_URL and INFOBIP_API_KEY name the emulator.
"""

import asyncio
import time

import infobip


def main() -> None:
    assert "site-packages" in infobip.__file__, f"infobip imported from {infobip.__file__}, not the installed wheel"
    with infobip.Client() as client:
        sent = client.sms.send(to="41793026727", text="Hello from the wheel", sender="InfoSMS")
        message = sent.messages[0]
        assert message.message_id, sent
        assert message.status is not None and message.status.group_name == "PENDING", message.status

        deadline = time.monotonic() + 10
        while True:  # the emulator delivers after a short delay; poll the logs with a deadline
            logs = list(client.sms.logs(message_id=message.message_id))
            if logs and logs[0].status is not None and logs[0].status.group_name == "DELIVERED":
                break
            assert time.monotonic() < deadline, f"not delivered within 10 s: {logs}"
            time.sleep(0.05)

        try:
            client.sms.send(to="41793026727", text="")
        except infobip.InfobipError as error:
            refused = error
        else:
            raise AssertionError("an empty text was accepted")
        assert isinstance(refused, (infobip.ValidationError, infobip.BadRequestError)), refused

        balance = client.call("get-account-balance")
        assert balance.status_code == 200, balance

    async def concurrently() -> list:
        async with infobip.AsyncClient() as client:
            return await asyncio.gather(*(client.sms.send(to=f"4179302670{i}", text="hi") for i in range(3)))

    results = asyncio.run(concurrently())
    assert len({r.messages[0].message_id for r in results}) == 3, results
    print(f"python smoke: infobip-sdk {infobip.__version__} sent, delivered, refused, called and sent concurrently")


if __name__ == "__main__":
    main()
