"""Parse RFC 5322 messages with Python's email package (an independent parser).

Usage: parse_email.py FILE... | parse_email.py --mbox FILE
Prints a JSON list: one object per message with decoded headers, addresses, body,
defects and the longest raw line (in octets).
"""
import json
import mailbox
import sys
from email import policy
from email.parser import BytesParser


def describe(raw: bytes, msg) -> dict:
    def addrs(name):
        header = msg[name]
        if header is None:
            return None
        return [{"name": a.display_name, "address": a.addr_spec} for a in header.addresses]

    headers = {}
    for key in msg.keys():
        values = msg.get_all(key)
        headers[key] = [str(v) for v in values]
    body = msg.get_body(preferencelist=("plain",))
    lines = raw.split(b"\n")
    return {
        "headers": headers,
        "from": addrs("From"),
        "to": addrs("To"),
        "replyTo": addrs("Reply-To"),
        "subject": str(msg["Subject"]) if msg["Subject"] is not None else None,
        "messageId": str(msg["Message-ID"]) if msg["Message-ID"] is not None else None,
        "contentType": msg.get_content_type(),
        "charset": msg.get_content_charset(),
        "transferEncoding": str(msg["Content-Transfer-Encoding"] or ""),
        "text": body.get_content() if body is not None else None,
        "defects": [type(d).__name__ for d in msg.defects],
        "maxLineOctets": max(len(l.rstrip(b"\r")) for l in lines),
    }


def main(argv):
    out = []
    if argv and argv[0] == "--mbox":
        box = mailbox.mbox(argv[1], factory=None, create=False)
        for key in box.iterkeys():
            raw = box.get_bytes(key)
            msg = BytesParser(policy=policy.default).parsebytes(raw)
            item = describe(raw, msg)
            item["fromLine"] = box.get_message(key).get_from()
            out.append(item)
    else:
        for path in argv:
            with open(path, "rb") as fh:
                raw = fh.read()
            out.append(describe(raw, BytesParser(policy=policy.default).parsebytes(raw)))
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main(sys.argv[1:])
