/**
 * The loss functions of stochastic gradient descent, as scikit-learn's `_sgd_fast` defines them:
 * each gives the loss of a prediction `p` for a target `y` and its derivative with respect to `p`.
 * Classification losses take y in {-1, +1}; regression losses any real y.
 */

/** A loss and its derivative with respect to the prediction. */
export interface SGDLoss {
  /** The name, as the estimators' `loss` option spells it. */
  readonly name: SGDLossName;
  /** The loss of predicting `p` when the target is `y`. */
  loss(p: number, y: number): number;
  /** d loss / d p. */
  dloss(p: number, y: number): number;
}

/** Losses for regression (usable by the classifier too, on y in {-1, +1}). */
export type SGDRegressionLoss = 'squared_error' | 'huber' | 'epsilon_insensitive' | 'squared_epsilon_insensitive';
/** Every loss SGDClassifier accepts. */
export type SGDClassificationLoss = 'hinge' | 'log_loss' | 'modified_huber' | 'squared_hinge' | 'perceptron' | SGDRegressionLoss;
/** Every loss name. */
export type SGDLossName = SGDClassificationLoss;

export const CLASSIFICATION_LOSSES: readonly SGDClassificationLoss[] = [
  'hinge',
  'log_loss',
  'modified_huber',
  'squared_hinge',
  'perceptron',
  'squared_error',
  'huber',
  'epsilon_insensitive',
  'squared_epsilon_insensitive',
];
export const REGRESSION_LOSSES: readonly SGDRegressionLoss[] = ['squared_error', 'huber', 'epsilon_insensitive', 'squared_epsilon_insensitive'];

/** Hinge loss max(0, threshold − p·y): threshold 1 is the linear SVM's, 0 the perceptron's. */
function hinge(name: SGDLossName, threshold: number): SGDLoss {
  return {
    name,
    loss: (p, y) => {
      const z = p * y;
      return z <= threshold ? threshold - z : 0;
    },
    dloss: (p, y) => (p * y <= threshold ? -y : 0),
  };
}

/** Squared hinge max(0, 1 − p·y)². */
const squaredHinge: SGDLoss = {
  name: 'squared_hinge',
  loss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? z * z : 0;
  },
  dloss: (p, y) => {
    const z = 1 - p * y;
    return z > 0 ? -2 * y * z : 0;
  },
};

/** Logistic loss log(1 + exp(−p·y)), evaluated without overflow for large |p·y|. */
const logLoss: SGDLoss = {
  name: 'log_loss',
  loss: (p, y) => {
    const z = p * y;
    if (z > 18) return Math.exp(-z);
    if (z < -18) return -z;
    return Math.log1p(Math.exp(-z));
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z > 18) return -y * Math.exp(-z);
    if (z < -18) return -y;
    return -y / (Math.exp(z) + 1);
  },
};

/** Modified Huber: quadratically smoothed hinge, linear (−4·p·y) below p·y = −1. */
const modifiedHuber: SGDLoss = {
  name: 'modified_huber',
  loss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return (1 - z) * (1 - z);
    return -4 * z;
  },
  dloss: (p, y) => {
    const z = p * y;
    if (z >= 1) return 0;
    if (z >= -1) return 2 * (1 - z) * -y;
    return -4 * y;
  },
};

/** Half the squared error (p − y)² / 2. */
const squaredError: SGDLoss = {
  name: 'squared_error',
  loss: (p, y) => 0.5 * (p - y) * (p - y),
  dloss: (p, y) => p - y,
};

/** Huber: squared within `epsilon` of the target, linear beyond. */
function huber(epsilon: number): SGDLoss {
  return {
    name: 'huber',
    loss: (p, y) => {
      const r = p - y;
      const a = Math.abs(r);
      return a <= epsilon ? 0.5 * r * r : epsilon * a - 0.5 * epsilon * epsilon;
    },
    dloss: (p, y) => {
      const r = p - y;
      if (Math.abs(r) <= epsilon) return r;
      return r > 0 ? epsilon : -epsilon;
    },
  };
}

/** Epsilon-insensitive: errors below `epsilon` cost nothing, larger ones linearly (SVR). */
function epsilonInsensitive(epsilon: number): SGDLoss {
  return {
    name: 'epsilon_insensitive',
    loss: (p, y) => Math.max(0, Math.abs(y - p) - epsilon),
    dloss: (p, y) => {
      if (y - p > epsilon) return -1;
      if (p - y > epsilon) return 1;
      return 0;
    },
  };
}

/** Squared epsilon-insensitive: max(0, |y − p| − epsilon)². */
function squaredEpsilonInsensitive(epsilon: number): SGDLoss {
  return {
    name: 'squared_epsilon_insensitive',
    loss: (p, y) => {
      const r = Math.abs(y - p) - epsilon;
      return r > 0 ? r * r : 0;
    },
    dloss: (p, y) => {
      const z = y - p;
      if (z > epsilon) return -2 * (z - epsilon);
      if (z < -epsilon) return 2 * (-z - epsilon);
      return 0;
    },
  };
}

/** The loss of that name; `epsilon` is used by 'huber' and the epsilon-insensitive losses. */
export function makeSGDLoss(name: SGDLossName, epsilon = 0.1): SGDLoss {
  switch (name) {
    case 'hinge':
      return hinge('hinge', 1);
    case 'perceptron':
      return hinge('perceptron', 0);
    case 'squared_hinge':
      return squaredHinge;
    case 'log_loss':
      return logLoss;
    case 'modified_huber':
      return modifiedHuber;
    case 'squared_error':
      return squaredError;
    case 'huber':
      return huber(epsilon);
    case 'epsilon_insensitive':
      return epsilonInsensitive(epsilon);
    case 'squared_epsilon_insensitive':
      return squaredEpsilonInsensitive(epsilon);
  }
}
