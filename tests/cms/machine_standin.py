"""A stand-in for the machine translation providers on 127.0.0.1, speaking their real
API shapes: DeepL `POST /v2/translate` (form-encoded or JSON, `Authorization:
DeepL-Auth-Key …`, answer `{"translations": [{"detected_source_language", "text"}]}`,
errors as HTTP status + `{"message": …}`) and LibreTranslate `POST /translate` (JSON `q`,
`source`, `target`, `format`, `api_key`; answer `{"translatedText": …}`, errors as
`{"error": …}`)."""

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

# A tiny German -> Arabic dictionary; words outside it stay as they are.
WORDS = {"Arbeit": "العمل", "finden": "إيجاد", "in": "في", "Gesundheit": "الصحة"}
TAG = re.compile(r"(<[^>]+>)")


def fake_translate(text):
    """Translate text nodes word by word; tags and {placeholders} stay untouched."""
    parts = TAG.split(text)
    out = []
    for part in parts:
        if part.startswith("<"):
            out.append(part)
        else:
            out.append(re.sub(r"\w+", lambda m: WORDS.get(m.group(0), m.group(0)), part))
    return "".join(out)


class StandIn:
    def __init__(self):
        self.mode = "ok"  # "ok", "error", "slow"
        self.requests = []
        standin = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _reply(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self):
                length = int(self.headers.get("Content-Length", 0))
                raw = self.rfile.read(length).decode()
                if self.headers.get("Content-Type", "").startswith("application/json"):
                    body = json.loads(raw)
                else:
                    body = {k: v if k == "text" else v[0] for k, v in parse_qs(raw).items()}
                standin.requests.append(
                    {"path": self.path, "headers": dict(self.headers), "body": body}
                )
                if standin.mode == "slow":
                    time.sleep(2)
                    return
                if self.path == "/v2/translate":
                    if self.headers.get("Authorization") != "DeepL-Auth-Key test-key":
                        return self._reply(403, {"message": "Wrong endpoint or key"})
                    if standin.mode == "error":
                        return self._reply(456, {"message": "Quota exceeded"})
                    texts = body["text"] if isinstance(body["text"], list) else [body["text"]]
                    return self._reply(
                        200,
                        {
                            "translations": [
                                {"detected_source_language": "DE", "text": fake_translate(t)}
                                for t in texts
                            ]
                        },
                    )
                if self.path == "/translate":
                    if standin.mode == "error":
                        return self._reply(400, {"error": "ar is not supported"})
                    q = body["q"]
                    result = (
                        [fake_translate(t) for t in q] if isinstance(q, list) else fake_translate(q)
                    )
                    return self._reply(200, {"translatedText": result})
                return self._reply(404, {"error": "Not Found"})

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
