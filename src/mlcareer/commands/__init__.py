"""The work of each command, free of Typer: read the catalog, call the domain, emit once.

``mlcareer.cli`` declares each command to Typer (its parameters and help) and hands the parsed
values to its function here (``cli.app.runs``); the fast path (``mlcareer.fastrun``) calls the
same functions for the command lines it parses as the recorded Click commands would. Nothing
here imports Typer or Click.
"""

#: The attribute of a command's callback that names its work here, as "module:function"
#: (set by ``cli.app.runs``; recorded for the fast path by ``cli.runspec``).
BODY = "mlcareer_body"
