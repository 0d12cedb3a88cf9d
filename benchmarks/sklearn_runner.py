"""The scikit-learn side of typelearn's benchmarks (see benchmarks/README.md).

    python3 sklearn_runner.py info
    python3 sklearn_runner.py run '<json spec>'

`run` reads the data that benchmarks/run.ts generated (raw little-endian float64, row-major X of
n x d, and y of n), times each step of the named runner (best of `repeats`), computes the same
quality metric as the typelearn side, and the largest absolute difference between its output and
typelearn's (read from `theirs`). It prints one JSON object on stdout. run.ts sets
OMP_NUM_THREADS=1, OPENBLAS_NUM_THREADS=1 and MKL_NUM_THREADS=1, so BLAS runs on one thread.
"""
import json
import platform
import sys
import time

import numpy as np


def best_of(repeats, fn):
    best = float("inf")
    result = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
    return best * 1000.0, result


def standard_scaler(X, y, repeats):
    from sklearn.preprocessing import StandardScaler

    ms, Z = best_of(repeats, lambda: StandardScaler().fit_transform(X))
    metric = float(np.max(np.abs(Z.std(axis=0) - 1.0)))
    return {"fit+transform": ms}, Z, metric


def linear_regression(X, y, repeats):
    from sklearn.linear_model import LinearRegression
    from sklearn.metrics import r2_score

    fit_ms, model = best_of(repeats, lambda: LinearRegression().fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, pred, float(r2_score(y, pred))


def ridge(X, y, repeats):
    from sklearn.linear_model import Ridge
    from sklearn.metrics import r2_score

    fit_ms, model = best_of(repeats, lambda: Ridge(alpha=1.0).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, pred, float(r2_score(y, pred))


def select_k_best(X, y, repeats):
    from sklearn.feature_selection import SelectKBest, f_classif

    ms, sel = best_of(repeats, lambda: SelectKBest(f_classif, k=20).fit(X, y))
    return {"fit": ms}, sel.scores_, float(np.min(sel.scores_[sel.get_support()]))


def correlation_threshold(X, y, repeats):
    import pandas as pd

    def fit():
        R = pd.DataFrame(X).corr(method="pearson").to_numpy()
        d = R.shape[0]
        keep = np.ones(d, dtype=bool)
        for a in range(d):
            if keep[a]:
                later = np.arange(a + 1, d)
                keep[later[keep[later] & (np.abs(R[a, later]) > 0.9)]] = False
        return R, keep

    ms, (R, keep) = best_of(repeats, fit)
    return {"fit": ms}, R.ravel(), float(keep.sum())


RUNNERS = {
    "standard_scaler": standard_scaler,
    "linear_regression": linear_regression,
    "ridge": ridge,
    "select_k_best": select_k_best,
    "correlation_threshold": correlation_threshold,
}


def info():
    import sklearn

    out = {
        "python": platform.python_version(),
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
    }
    try:
        from threadpoolctl import threadpool_info

        out["threadpools"] = [
            {"api": p.get("internal_api"), "lib": p.get("filepath", "").split("/")[-1], "threads": p.get("num_threads")}
            for p in threadpool_info()
        ]
    except Exception as e:  # threadpoolctl is optional for the report
        out["threadpools_error"] = str(e)
    return out


def run(spec):
    n, d = spec["n"], spec["d"]
    X = np.fromfile(spec["x"], dtype="<f8")
    if X.size != n * d:
        raise ValueError(f"{spec['x']} holds {X.size} values, expected {n * d}")
    X = X.reshape(n, d)
    y = np.fromfile(spec["y"], dtype="<f8") if spec.get("y") else None
    steps, output, metric = RUNNERS[spec["runner"]](X, y, spec["repeats"])
    result = {"steps": steps, "metric": metric}
    if spec.get("theirs"):
        theirs = np.fromfile(spec["theirs"], dtype="<f8")
        mine = np.asarray(output, dtype=np.float64).ravel()
        if theirs.size != mine.size:
            raise ValueError(f"typelearn output has {theirs.size} values, scikit-learn's {mine.size}")
        result["max_abs_diff"] = float(np.max(np.abs(theirs - mine)))
    return result


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "info":
        print(json.dumps(info()))
    elif len(sys.argv) == 3 and sys.argv[1] == "run":
        print(json.dumps(run(json.loads(sys.argv[2]))))
    else:
        sys.stderr.write(__doc__)
        sys.exit(2)
