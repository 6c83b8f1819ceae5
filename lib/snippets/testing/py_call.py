"""Test helper: compiles a generated Python snippet and prints, as JSON, the literal keyword
arguments of its create() call, with extra_body kept apart. Only the standard library is used,
so the check runs where the openai package is not installed."""
import ast
import json
import py_compile
import sys

path = sys.argv[1]
py_compile.compile(path, doraise=True)
tree = ast.parse(open(path, encoding="utf-8").read())
calls = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "attr", "") == "create"]
kwargs = {}
extra = None
for kw in calls[0].keywords:
    value = ast.literal_eval(kw.value)
    if kw.arg == "extra_body":
        extra = value
    else:
        kwargs[kw.arg] = value
print(json.dumps({"method": ast.unparse(calls[0].func), "kwargs": kwargs, "extra_body": extra}))
