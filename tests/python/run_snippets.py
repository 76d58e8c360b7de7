"""Runs many generated Python snippets in ONE process (importing torch costs a second or two each time).

Usage: run_snippets.py MANIFEST.json RESULTS.json

MANIFEST: {"images": [{"path", "shape": [H, W, 3], "data": [0..255 ...]}],
           "cases": [{"name", "dir", "code", "after"?, "outputs": ["y", "max_pool", ...], "compileOnly"?}]}
Each image is written as an RGB PNG (the snippets open their picture with Pillow, as a user's would).
Each case's code runs unchanged, with `dir` as the working directory, in a fresh namespace; then the
harness's own `after` code, if any, in the same namespace (it may look inside what the code built);
afterwards the named variables are read (torch tensors or NumPy arrays, any shape, or a dict of them:
entry k of variable v is output "v.k") along with what the code printed. A `compileOnly` case is only
compiled (code for a framework not installed here, e.g. Keras): a syntax error is its error.

RESULTS: {"cases": {name: {"printed": str, "outputs": {var: {"shape", "data"}}} or {"error": traceback}}}
If torch, numpy or Pillow cannot be imported, writes {"missing": "<module>: <reason>"} and exits 0, so the
caller decides whether that skips or fails.
"""

import contextlib
import io
import json
import math
import os
import sys
import traceback


def as_json(np, value):
    if hasattr(value, "detach"):
        value = value.detach().numpy()
    value = np.asarray(value, dtype=np.float64)
    # JSON has no Infinity or NaN: those travel as the strings "inf", "-inf", "nan".
    data = [v if math.isfinite(v) else str(v) for v in value.ravel().tolist()]
    return {"shape": list(value.shape), "data": data}


def main(manifest_path, results_path):
    try:
        import numpy as np
        import torch  # noqa: F401  (the snippets import it; fail here with a clear message instead)
        from PIL import Image
    except ImportError as error:
        with open(results_path, "w") as out:
            json.dump({"missing": f"{error.name}: {error}"}, out)
        return

    with open(manifest_path) as f:
        manifest = json.load(f)

    for image in manifest["images"]:
        pixels = np.array(image["data"], dtype=np.uint8).reshape(image["shape"])
        Image.fromarray(pixels, "RGB").save(image["path"])

    results = {}
    start_dir = os.getcwd()
    for case in manifest["cases"]:
        printed = io.StringIO()
        if case.get("compileOnly"):
            try:
                compile(case["code"], case["name"], "exec")
                results[case["name"]] = {"printed": "", "outputs": {}}
            except SyntaxError:
                results[case["name"]] = {"printed": "", "error": traceback.format_exc()}
            continue
        try:
            os.chdir(case["dir"])
            namespace = {"__name__": "__main__"}
            with contextlib.redirect_stdout(printed):
                exec(compile(case["code"], case["name"], "exec"), namespace)
            if case.get("after"):
                exec(compile(case["after"], case["name"] + " (harness)", "exec"), namespace)
            outputs = {}
            for name in case["outputs"]:
                value = namespace[name]
                entries = value.items() if isinstance(value, dict) else [(None, value)]
                for key, array in entries:
                    outputs[name if key is None else f"{name}.{key}"] = as_json(np, array)
            results[case["name"]] = {"printed": printed.getvalue(), "outputs": outputs}
        except Exception:  # one broken snippet must not hide the others' results
            results[case["name"]] = {"printed": printed.getvalue(), "error": traceback.format_exc()}
        finally:
            os.chdir(start_dir)

    with open(results_path, "w") as out:
        json.dump({"cases": results}, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
