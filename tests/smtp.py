"""Mail servers on loopback for the mail tests: one that receives, one that never answers."""

import socketserver
import threading
from email import message_from_bytes, policy


class _ReceivingHandler(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greeting, EHLO, MAIL, RCPT, DATA, QUIT."""

    def reply(self, line):
        self.wfile.write(f"{line}\r\n".encode())

    def handle(self):
        self.reply("220 sink ready")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 sink")
            elif verb == "DATA":
                self.reply("354 go on")
                data = b""
                while (chunk := self.rfile.readline()) not in {b".\r\n", b""}:
                    data += chunk
                self.server.messages.append(message_from_bytes(data, policy=policy.default))
                self.reply("250 stored")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class _HungHandler(socketserver.BaseRequestHandler):
    """Accepts the connection and says nothing until the test ends."""

    def handle(self):
        self.server.stopping.wait()


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


class LoopbackSmtp:
    """A mail server on 127.0.0.1 in a thread; `messages` holds what it received."""

    def __init__(self, hung=False, port=0):
        self.server = _Server(("127.0.0.1", port), _HungHandler if hung else _ReceivingHandler)
        self.server.messages = []
        self.server.stopping = threading.Event()
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def messages(self):
        return self.server.messages

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.stopping.set()
        self.server.shutdown()
        self.server.server_close()
