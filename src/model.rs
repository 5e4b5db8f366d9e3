//! The weights of the two linear models that score lines.
//!
//! Both are logistic regressions over general features (no words of any
//! site): `LOCAL` over a line's own features ([`crate::features::local_features`]),
//! `CONTEXT` over its neighbourhood ([`crate::classify`]). They were fitted
//! on the dev corpus with `tools/fit.py`; see that script for how.

/// Number of local features (see [`crate::features::local_features`]).
pub(crate) const N_LOCAL: usize = 36;

/// Number of context features (see [`crate::pipeline::context`]).
pub(crate) const N_CONTEXT: usize = 29;

/// Weights of the local model, in the order of `local_features`.
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // fitted numbers, not constants
pub(crate) const LOCAL: [f32; N_LOCAL] = [
    -2.484, 0.026, 0.340, -0.177, -0.633, -0.075, 0.232, -0.573, 0.568, -0.134, -1.027, -0.610, -2.136, -1.212, -0.928, -2.314, -1.766, -0.466, -0.607, 1.747, 0.465, -1.102, 0.041, 1.345, 0.192, -0.303, 0.214, 2.057, -0.971, -0.649, 1.227, 0.581, 0.910, 0.639, 0.471, -0.943,
];

/// Weights of the context model, in the order of `context_features`.
#[rustfmt::skip]
#[allow(clippy::approx_constant)] // fitted numbers, not constants
pub(crate) const CONTEXT: [f32; N_CONTEXT] = [
    1.395, 0.179, 0.084, 0.101, 0.093, 0.036, 0.524, 0.737, -1.274, 0.095, -0.196, 0.194, 0.081, -0.221, -1.113, 0.144, 0.080, 0.099, 0.353, -0.764, 0.162, -0.839, -1.451, 2.149, -0.454, 0.668, -0.134, -1.049, -1.238,
];

/// `w · x`.
pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}
