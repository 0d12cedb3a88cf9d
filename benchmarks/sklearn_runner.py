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


def lasso(X, y, repeats):
    from sklearn.linear_model import Lasso
    from sklearn.metrics import r2_score

    fit_ms, model = best_of(repeats, lambda: Lasso(alpha=1.0).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, pred, float(r2_score(y, pred))


def one_hot_encoder(X, y, repeats):
    from sklearn.preprocessing import OneHotEncoder

    ms, Z = best_of(repeats, lambda: OneHotEncoder(sparse_output=False).fit_transform(X))
    return {"fit+transform": ms}, Z, float(Z.shape[1])


def logistic_regression(X, y, repeats):
    import warnings

    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    def fit():
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            return LogisticRegression().fit(X, y)

    fit_ms, model = best_of(repeats, fit)
    proba_ms, proba = best_of(repeats, lambda: model.predict_proba(X))
    return {"fit": fit_ms, "predictProba": proba_ms}, proba, float(np.mean(model.predict(X) == y))


def _records_frame(X):
    """The DataFrame of the ColumnTransformer case: x0..x3 numbers, c0/c1 strings 'c<code>' (not timed)."""
    import pandas as pd

    cols = {f"x{j}": X[:, j] for j in range(4)}
    for j in (4, 5):
        cols[f"c{j - 4}"] = np.array([f"c{int(v)}" for v in X[:, j]], dtype=object)
    return pd.DataFrame(cols)


def _column_transformer(X, repeats, onehot):
    from sklearn.compose import ColumnTransformer
    from sklearn.preprocessing import OneHotEncoder, StandardScaler

    df = _records_frame(X)
    parts = [("num", StandardScaler(), ["x0", "x1", "x2", "x3"])]
    if onehot:
        parts.append(("cat", OneHotEncoder(sparse_output=False), ["c0", "c1"]))
    holder = {}

    def fit():
        holder["ct"] = ColumnTransformer(parts)
        return holder["ct"].fit_transform(df)

    fit_ms, Z = best_of(repeats, fit)
    transform_ms, Z = best_of(repeats, lambda: holder["ct"].transform(df))
    return {"fit+transform": fit_ms, "transform": transform_ms}, Z, float(Z.shape[1])


def column_transformer_numeric(X, y, repeats):
    return _column_transformer(X, repeats, onehot=False)


def column_transformer_onehot(X, y, repeats):
    return _column_transformer(X, repeats, onehot=True)


def sgd_classifier(X, y, repeats):
    from sklearn.linear_model import SGDClassifier
    from sklearn.metrics import accuracy_score

    fit_ms, model = best_of(repeats, lambda: SGDClassifier(random_state=0).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, pred, float(accuracy_score(y, pred))


def sgd_regressor(X, y, repeats):
    from sklearn.linear_model import SGDRegressor
    from sklearn.metrics import r2_score

    fit_ms, model = best_of(repeats, lambda: SGDRegressor(random_state=0).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, pred, float(r2_score(y, pred))


def rfe_ridge(X, y, repeats):
    from sklearn.feature_selection import RFE
    from sklearn.linear_model import Ridge
    from sklearn.metrics import r2_score

    fit_ms, model = best_of(repeats, lambda: RFE(Ridge(alpha=1.0), n_features_to_select=10).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    return {"fit": fit_ms, "predict": predict_ms}, model.ranking_.astype(np.float64), float(r2_score(y, pred))


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


def decision_tree_classifier(X, y, repeats):
    from sklearn.tree import DecisionTreeClassifier

    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: DecisionTreeClassifier(random_state=0).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return _tree_steps(fit_ms, pred_ms), pred, float(np.mean(pred == y[n_train:]))


def _tree_steps(fit_ms, pred_ms):
    # The typelearn side may time JavaScript baselines' fits under these names (when they run at
    # that size); scikit-learn's fit time is reported under them too, so their rows' ratio is
    # baseline / scikit-learn. Names the typelearn side did not time are ignored.
    return {"fit": fit_ms, "predict": pred_ms, "fit (ml-cart)": fit_ms, "fit (scikit.js)": fit_ms}


def decision_tree_regressor(X, y, repeats):
    from sklearn.metrics import r2_score
    from sklearn.tree import DecisionTreeRegressor

    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: DecisionTreeRegressor(random_state=0).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return _tree_steps(fit_ms, pred_ms), pred, float(r2_score(y[n_train:], pred))


def bagging_classifier(X, y, repeats):
    from sklearn.ensemble import BaggingClassifier

    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: BaggingClassifier(n_estimators=10, random_state=0).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return {"fit": fit_ms, "predict": pred_ms}, pred, float(np.mean(pred == y[n_train:]))


def stacking_classifier(X, y, repeats):
    from sklearn.ensemble import StackingClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.tree import DecisionTreeClassifier

    n_train = int(len(y) * 0.8)
    make = lambda: StackingClassifier([("lr", LogisticRegression()), ("tree", DecisionTreeClassifier(max_depth=8, random_state=0))])
    fit_ms, model = best_of(repeats, lambda: make().fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return {"fit": fit_ms, "predict": pred_ms}, pred, float(np.mean(pred == y[n_train:]))


def _held_out(make, X, y, repeats, metric):
    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: make().fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return {"fit": fit_ms, "predict": pred_ms}, pred, float(metric(y[n_train:], pred))


def gradient_boosting_regressor(X, y, repeats):
    from sklearn.ensemble import GradientBoostingRegressor
    from sklearn.metrics import r2_score

    return _held_out(lambda: GradientBoostingRegressor(random_state=0), X, y, repeats, r2_score)


def gradient_boosting_classifier(X, y, repeats):
    from sklearn.ensemble import GradientBoostingClassifier
    from sklearn.metrics import accuracy_score

    return _held_out(lambda: GradientBoostingClassifier(random_state=0), X, y, repeats, accuracy_score)


def ada_boost_classifier(X, y, repeats):
    from sklearn.ensemble import AdaBoostClassifier
    from sklearn.metrics import accuracy_score

    return _held_out(lambda: AdaBoostClassifier(algorithm="SAMME", random_state=0), X, y, repeats, accuracy_score)


def mlp_classifier(X, y, repeats):
    import warnings
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    from sklearn.metrics import accuracy_score

    def fit(data):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            return MLPClassifier(hidden_layer_sizes=(128,), max_iter=2, tol=0, random_state=0).fit(data, y)

    fit_ms, model = best_of(repeats, lambda: fit(X))
    # scikit-learn keeps float32 input in float32 through the passes (its counterpart of dtype: 'float32').
    X32 = X.astype(np.float32)
    fit32_ms, _ = best_of(repeats, lambda: fit(X32))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    steps = {"fit (2 epochs)": fit_ms, "fit float32 (2 epochs)": fit32_ms, "predict": predict_ms}
    return steps, pred, float(accuracy_score(y, pred))


def random_forest_classifier(X, y, repeats):
    from sklearn.ensemble import RandomForestClassifier

    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: RandomForestClassifier(random_state=0).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    steps = {"fit": fit_ms, "predict": pred_ms}
    if len(y) <= 1000:
        # The typelearn side times ml-random-forest with 10 trees under this name (it is too slow
        # for 100); scikit-learn's 10-tree fit is timed under it too, so the row's ratio compares 10 trees.
        steps["fit (ml-random-forest, 10 trees)"], _ = best_of(repeats, lambda: RandomForestClassifier(n_estimators=10, random_state=0).fit(X[:n_train], y[:n_train]))
    return steps, pred, float(np.mean(pred == y[n_train:]))


def random_forest_regressor(X, y, repeats):
    from sklearn.ensemble import RandomForestRegressor
    from sklearn.metrics import r2_score

    n_train = int(len(y) * 0.8)
    fit_ms, model = best_of(repeats, lambda: RandomForestRegressor(random_state=0).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    return {"fit": fit_ms, "predict": pred_ms}, pred, float(r2_score(y[n_train:], pred))


# Kernel micro-benchmarks (benchmarks/cases/kernels.ts): numpy / BLAS on the same shapes.
K_CLASSES = 10


def _coef_block(t, d):
    k = np.arange(1, t + 1)[:, None]
    j = np.arange(d)[None, :]
    return 0.01 * k * (j - d / 2) / d


def kernel_dot(X, y, repeats):
    x = X.ravel()
    ms, s = best_of(repeats, lambda: np.dot(x, x))
    return {"dot": ms}, np.array([s]), float(s)


def kernel_axpy(X, y, repeats):
    from scipy.linalg.blas import daxpy

    x = X.ravel()
    out = np.zeros_like(x)
    ms, _ = best_of(repeats, lambda: daxpy(x, out, a=1e-3))
    fresh = daxpy(x, np.zeros_like(x), a=1e-3)[:1000]
    return {"axpy": ms}, fresh, float(fresh.sum())


def kernel_gemv(X, y, repeats):
    v = _coef_block(1, X.shape[1])[0]
    ms_xv, xv = best_of(repeats, lambda: X @ v)
    ms_xtr, xtr = best_of(repeats, lambda: X.T @ y)
    out = np.concatenate([xv, xtr])
    return {"X v": ms_xv, "Xᵀ r": ms_xtr}, out, float(out.sum())


def kernel_gemm(X, y, repeats):
    n, d = X.shape
    W = _coef_block(K_CLASSES, d).ravel().reshape(d, K_CLASSES)
    flat = X.ravel()
    R = flat[(np.arange(n * K_CLASSES) * 7) % flat.size].reshape(n, K_CLASSES)
    ms_nn, xw = best_of(repeats, lambda: X @ W)
    ms_tn, rtx = best_of(repeats, lambda: R.T @ X)
    out = np.concatenate([xw.ravel(), rtx.ravel()])
    return {"X W (NN)": ms_nn, "Rᵀ X (TN)": ms_tn}, out, float(out.sum())


def kernel_gemm_f32(X, y, repeats):
    n, d = X.shape
    X32 = X.astype(np.float32)
    W = _coef_block(K_CLASSES, d).ravel().reshape(d, K_CLASSES).astype(np.float32)
    flat = X32.ravel()
    R = flat[(np.arange(n * K_CLASSES) * 7) % flat.size].reshape(n, K_CLASSES)
    ms_nn, xw = best_of(repeats, lambda: X32 @ W)
    ms_tn, rtx = best_of(repeats, lambda: R.T @ X32)
    out = np.concatenate([xw.ravel(), rtx.ravel()]).astype(np.float64)
    return {"X W (NN)": ms_nn, "Rᵀ X (TN)": ms_tn}, out, float(out.sum())


def kernel_syrk(X, y, repeats):
    ms, G = best_of(repeats, lambda: X.T @ X)
    return {"XᵀX": ms}, G, float(G.sum())


def kernel_linear_predict(X, y, repeats):
    w = _coef_block(1, X.shape[1])[0]

    def predict():
        # What scikit-learn's predict does: a finiteness check (a sum), then X w + b.
        if not np.isfinite(X.sum()):
            raise ValueError("non-finite data")
        return X @ w + 0.5

    ms, out = best_of(repeats, predict)
    return {"X w + b": ms}, out, float(out.sum())


def kernel_logsumexp(X, y, repeats):
    from scipy.special import logsumexp

    n = X.shape[0]
    Z = X.ravel()[: n * K_CLASSES].reshape(n, K_CLASSES)
    ms, out = best_of(repeats, lambda: logsumexp(Z, axis=1))
    return {"logsumexp": ms}, out, float(out.sum())


def svc_rbf(X, y, repeats):
    from sklearn.metrics import accuracy_score
    from sklearn.svm import SVC

    fit_ms, model = best_of(repeats, lambda: SVC(kernel="rbf", C=1.0).fit(X, y))
    predict_ms, pred = best_of(repeats, lambda: model.predict(X))
    # The typelearn side also times ml-svm's fit as 'fit (ml-svm)' (at sizes where it finishes in
    # 60 s); scikit-learn's fit time is reported under that name too, so that row's ratio is ml-svm / scikit-learn.
    steps = {"fit": fit_ms, "predict": predict_ms, "fit (ml-svm)": fit_ms}
    return steps, pred.astype(np.float64), float(accuracy_score(y, pred))


def _hist_gradient_boosting(X, y, repeats, classifier):
    from sklearn.ensemble import HistGradientBoostingClassifier, HistGradientBoostingRegressor
    from sklearn.metrics import accuracy_score, r2_score

    n_train = int(len(y) * 0.8)
    Est = HistGradientBoostingClassifier if classifier else HistGradientBoostingRegressor
    fit_ms, model = best_of(repeats, lambda: Est(early_stopping=False).fit(X[:n_train], y[:n_train]))
    pred_ms, pred = best_of(repeats, lambda: model.predict(X[n_train:]))
    steps = {"fit": fit_ms, "predict": pred_ms}
    try:
        import xgboost

        params = dict(tree_method="hist", n_estimators=100, learning_rate=0.1, max_depth=0, max_leaves=31,
                      grow_policy="lossguide", min_child_weight=1e-3, max_bin=255, n_jobs=1)
        Xgb = xgboost.XGBClassifier if classifier else xgboost.XGBRegressor
        steps["fit (xgboost hist)"], _ = best_of(repeats, lambda: Xgb(**params).fit(X[:n_train], y[:n_train]))
    except ImportError:
        pass
    metric = accuracy_score(y[n_train:], pred) if classifier else r2_score(y[n_train:], pred)
    return steps, np.asarray(pred, dtype=np.float64), float(metric)


def hist_gradient_boosting_classifier(X, y, repeats):
    return _hist_gradient_boosting(X, y, repeats, True)


def hist_gradient_boosting_regressor(X, y, repeats):
    return _hist_gradient_boosting(X, y, repeats, False)
def flights_hgb_regressor(X, y, repeats):
    """benchmarks/flights.ts hgb: 100 iterations (no early stopping) on all rows, columns 3 and 4
    (origin and destination codes) categorical; predict on the same rows; metric R² (train)."""
    from sklearn.ensemble import HistGradientBoostingRegressor
    from sklearn.metrics import r2_score

    c0 = time.process_time()
    fit_ms, model = best_of(repeats, lambda: HistGradientBoostingRegressor(
        max_iter=100, early_stopping=False, categorical_features=[3, 4], random_state=0).fit(X, y))
    c1 = time.process_time()
    pred_ms, pred = best_of(repeats, lambda: model.predict(X))
    c2 = time.process_time()
    # CPU seconds of every thread of the process (the fit's own time on a loaded machine), per repeat.
    steps = {"fit": fit_ms, "predict": pred_ms, "fit CPU": (c1 - c0) * 1000.0 / repeats, "predict CPU": (c2 - c1) * 1000.0 / repeats}
    return steps, pred, float(r2_score(y, pred))


def _peak_rss_mb():
    """The process's peak resident set size (VmHWM of /proc/self/status, Linux), in MB."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _rss_mb():
    """The resident set size now, from /proc/self/statm (Linux), in MB."""
    import os

    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def streaming_scaler_sgd(X, y, repeats, rows=None):
    """StandardScaler + SGDRegressor (shuffle off) by partial_fit over `rows` rows in batches of
    10,000, cycling through X; the metric is the peak RSS sampled after every batch."""
    from sklearn.linear_model import SGDRegressor
    from sklearn.preprocessing import StandardScaler

    total = X.shape[0] if rows is None else rows
    batch = 10_000
    bounds = [(lo, min(X.shape[0], lo + batch)) for lo in range(0, X.shape[0], batch)]
    peak = [0.0]

    def stream():
        scaler = StandardScaler()
        sgd = SGDRegressor(shuffle=False, random_state=0)
        done, b = 0, 0
        while done < total:
            lo, hi = bounds[b]
            Xb = X[lo:hi]
            scaler.partial_fit(Xb)
            sgd.partial_fit(scaler.transform(Xb), y[lo:hi])
            done += hi - lo
            b = (b + 1) % len(bounds)
            peak[0] = max(peak[0], _rss_mb())
        return scaler, sgd

    ms, (scaler, sgd) = best_of(repeats, stream)
    pred = sgd.predict(scaler.transform(X[:1000]))
    return {"partialFit chain": ms}, pred, peak[0]


RUNNERS = {
    "standard_scaler": standard_scaler,
    "linear_regression": linear_regression,
    "ridge": ridge,
    "one_hot_encoder": one_hot_encoder,
    "logistic_regression": logistic_regression,
    "column_transformer_numeric": column_transformer_numeric,
    "column_transformer_onehot": column_transformer_onehot,
    "lasso": lasso,
    "sgd_classifier": sgd_classifier,
    "sgd_regressor": sgd_regressor,
    "rfe_ridge": rfe_ridge,
    "select_k_best": select_k_best,
    "correlation_threshold": correlation_threshold,
    "decision_tree_classifier": decision_tree_classifier,
    "decision_tree_regressor": decision_tree_regressor,
    "mlp_classifier": mlp_classifier,
    "bagging_classifier": bagging_classifier,
    "stacking_classifier": stacking_classifier,
    "kernel_dot": kernel_dot,
    "kernel_axpy": kernel_axpy,
    "kernel_gemv": kernel_gemv,
    "kernel_gemm": kernel_gemm,
    "kernel_gemm_f32": kernel_gemm_f32,
    "kernel_syrk": kernel_syrk,
    "kernel_linear_predict": kernel_linear_predict,
    "kernel_logsumexp": kernel_logsumexp,
    "svc_rbf": svc_rbf,
    "hist_gradient_boosting_classifier": hist_gradient_boosting_classifier,
    "hist_gradient_boosting_regressor": hist_gradient_boosting_regressor,
    "streaming_scaler_sgd": streaming_scaler_sgd,
    "random_forest_classifier": random_forest_classifier,
    "random_forest_regressor": random_forest_regressor,
    "gradient_boosting_regressor": gradient_boosting_regressor,
    "gradient_boosting_classifier": gradient_boosting_classifier,
    "ada_boost_classifier": ada_boost_classifier,
    "flights_hgb_regressor": flights_hgb_regressor,
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
    extra = {"rows": spec["rows"]} if "rows" in spec else {}
    steps, output, metric = RUNNERS[spec["runner"]](X, y, spec["repeats"], **extra)
    result = {"steps": steps, "metric": metric, "peak_rss_mb": _peak_rss_mb()}
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
