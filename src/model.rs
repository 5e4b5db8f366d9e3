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
    -2.543, 0.439, -0.098, -0.065, -0.474, -0.070, 0.254, 0.271, 0.196, -0.124, -0.754, -0.680, -2.055, -1.187, -0.871, -2.380, -0.983, -0.457, -0.462, 1.340, 0.473, -1.014, 0.040, 1.011, 0.116, -0.408, 0.091, 2.206, -0.901, 0.054, 1.298, 0.649, 1.367, 0.663, 0.318,
];

/// Weights of the context model, in the order of `context_features`.
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // fitted numbers, not constants
pub(crate) const CONTEXT: [f32; N_CONTEXT] = [
    1.637, 0.220, 0.086, 0.127, 0.071, 0.021, 0.456, 0.392, -1.015, 0.241, -0.137, 0.159, 0.082, -0.351, -1.094, 0.159, 0.007, 0.213, 0.294, -1.387, -0.170, -1.348, -1.258, 1.742, 0.566, 0.245, -0.311, 0.062,
];

/// `w · x`.
pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}
