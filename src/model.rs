//! The weights of the two linear models that score lines.
//!
//! Both are logistic regressions over general features (no words of any
//! site): `LOCAL` over a line's own features ([`crate::features::local_features`]),
//! `CONTEXT` over its neighbourhood ([`crate::classify`]). They were fitted
//! on the dev corpus with `tools/fit.py`; see that script for how.

use crate::context::N_CONTEXT;
use crate::features::N_LOCAL;

/// Weights of the local model, in the order of `local_features`.
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // fitted numbers, not constants
pub(crate) const LOCAL: [f32; N_LOCAL] = [
    -2.410, 0.022, 0.326, -0.153, -0.613, -0.067, 0.240, -0.676, 0.567, -0.124, -0.818, -0.623, -2.095, -1.173, -0.914, -2.275, -1.805, -0.513, -0.618, 1.762, 0.482, -1.074, 0.033, 1.245, 0.202, -0.367, 0.266, 2.051, -1.001, -0.674, 1.234, 0.589, 0.859, 0.639, 0.429, -0.983,
];

/// Weights of the context model, in the order of `context_features`.
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // fitted numbers, not constants
pub(crate) const CONTEXT: [f32; N_CONTEXT] = [
    1.463, 0.173, 0.084, 0.100, 0.094, 0.035, 0.525, 0.692, -1.351, 0.084, -0.217, 0.228, 0.073, -0.300, -1.117, 0.162, 0.083, 0.091, 0.339, -0.769, -0.054, -0.860, -1.382, 2.167, -0.420, 0.236, -0.271, -0.067, -1.120,
];

/// `w · x`.
pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}
