"""Which commands staffpulse has, in the order ``staffpulse --help`` lists them, the module of
``staffpulse.cli.commands`` that registers each, and which of them work on a store: the one
list the CLI loads commands from (cli/app.py) and rewrites hints by (cli/program.py)."""

from __future__ import annotations

# Each command and the module of staffpulse.cli.commands that registers it, in the order
# ``staffpulse --help`` lists them (tests/test_cli_app.py checks this against the modules):
# the order a new user goes, the demo first, then their own data in (import, fetch) and a
# look at what came in, the reports, the conversations and people, the dashboard that shows
# them all, keeping the data fresh, and the tools for analysts last
COMMAND_MODULES = {
    "demo": "demo",
    "import": "store",
    "fetch": "fetch",
    "accounts": "stats",
    "stats": "stats",
    "audit": "audit",
    "benchmark": "audit",
    "inbox": "listen",
    "listen": "listen",
    "connect": "connect",
    "serve": "serve",
    "refresh": "refresh",
    "add-handles": "add_handles",
    "avatar": "avatar",
    "classify": "classify",
    "roles": "roles",
    "score": "score",
}

# what people type for a command after reading about it ("the web dashboard"): it runs the
# command, which --help lists once, under its own name
COMMAND_ALIASES = {"web": "serve", "dashboard": "serve"}

# the commands that read only the files they are given and write a file of their own, no store,
# and what they read, as said to whoever gives one --db ("reads the file of posts it is given")
FILE_COMMANDS = {
    "avatar": "the images",
    "classify": "the file of posts",
    "roles": "the file of accounts",
    "score": "the files of posts",
}
# the commands that take no store of the user's: the demo writes its own, the others read
# files (tests/test_cli_program.py checks that every other command takes --db)
_WITHOUT_STORE = {*FILE_COMMANDS, "demo"}
# the commands that work on the store --db names, so a hint naming one runs it there too
STORE_COMMANDS = tuple(name for name in COMMAND_MODULES if name not in _WITHOUT_STORE)
