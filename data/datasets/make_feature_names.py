"""Writes feature_names.json: scikit-learn's feature names for each toy data set, so that
typelearn's loaders name features exactly as scikit-learn does (the CSV headers use snake_case
spellings for some of them). Run with /usr/bin/python3 from this folder."""
import json
import os

from sklearn import datasets

loaders = {
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
    "breast_cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
    "diabetes": datasets.load_diabetes,
}
out = {name: [str(f) for f in load().feature_names] for name, load in loaders.items()}
here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "feature_names.json"), "w") as f:
    json.dump(out, f, separators=(",", ":"))
    f.write("\n")
