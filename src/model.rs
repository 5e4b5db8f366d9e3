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
pub(crate) const LOCAL: [f32; N_LOCAL] = [
    -2.935, 0.007, 0.385, -0.134, -0.226, -0.062, 0.227, 0.151, 0.107, -0.173, -0.685, -0.615, -1.900, -1.282, -0.870, -2.362, -0.590, -0.079, 0.023, 0.083, 0.761, -0.635, -0.022, 1.043, 0.015, -0.225, -0.128, 1.966, -0.953, -0.655, 1.420, 0.416, 1.698, 0.571, 0.101,
];

/// Weights of the context model, in the order of `context_features`.
#[rustfmt::skip]
pub(crate) const CONTEXT: [f32; N_CONTEXT] = [
    2.012, 0.192, 0.086, 0.132, 0.132, 0.105, 0.522, 0.471, -0.986, 0.175, -0.053, 0.306, 0.003, -0.158, -1.055, 0.181, 0.006, 0.186, 0.383, -1.637, 0.606,
];

/// `w · x`.
pub(crate) fn dot<const N: usize>(w: &[f32; N], x: &[f32; N]) -> f32 {
    w.iter().zip(x).map(|(a, b)| a * b).sum()
}
