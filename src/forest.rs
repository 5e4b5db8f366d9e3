//! Gradient-boosted decision trees: the body model's inference.
//!
//! `tools/fit.py` fits the trees (scikit-learn's histogram gradient
//! boosting, at most [`DEPTH`] splits deep) and writes them into
//! [`crate::model`], each as a complete binary tree of depth [`DEPTH`]: the
//! splits in breadth-first order (node `i` has children `2i + 1` and
//! `2i + 2`), then the leaves. A branch the fitted tree ends early is
//! written as splits whose leaves all hold the early leaf's value. So the
//! walk is the same [`DEPTH`] steps for every line, without a test for
//! leaves or a child index read from memory: `x[feature] <= threshold`
//! goes left, else right.
//!
//! A forest's score is its base log-odds plus one leaf value per tree. The
//! thresholds are written as the largest `f32` not above the fitted `f64`
//! split, so the walk over `f32` features takes the same branches as the
//! fitted model over the same features widened to `f64`.

/// How many splits every walk from root to leaf takes.
pub(crate) const DEPTH: usize = 4;

/// Splits of a tree (`2^DEPTH - 1`), padded to a power of two.
const SPLITS: usize = 1 << DEPTH;

/// One tree: its splits in breadth-first order, then its leaves from left
/// to right.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Tree {
    /// The feature each split compares (the last entry is unused).
    pub feature: [u8; SPLITS],
    /// The value each split compares it with.
    pub threshold: [f32; SPLITS],
    /// The leaves' log-odds.
    pub leaf: [f32; 1 << DEPTH],
}

/// A forest of trees over `N` features.
#[derive(Debug)]
pub(crate) struct Forest<const N: usize> {
    /// The log-odds before any tree.
    pub base: f32,
    pub trees: &'static [Tree],
}

impl<const N: usize> Forest<N> {
    /// The forest's log-odds for the features `x`.
    pub(crate) fn score(&self, x: &[f32; N]) -> f32 {
        let mut sum = self.base;
        for t in self.trees {
            let mut i = 0usize;
            for _ in 0..DEPTH {
                // `i` stays below SPLITS - 1 here; the mask lets the
                // compiler see it.
                let i_ = i & (SPLITS - 1);
                let right = x[usize::from(t.feature[i_])] > t.threshold[i_];
                i = 2 * i + 1 + usize::from(right);
            }
            sum += t.leaf[(i - (SPLITS - 1)) & (SPLITS - 1)];
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A complete tree of depth 4 splitting on `x0 <= 0`, `x1 <= 0`, `x2 <=
    /// 0`, `x3 <= 0` level by level: leaf `k` for the bits of `k`.
    fn binary() -> Tree {
        let mut t = Tree {
            feature: [0; SPLITS],
            threshold: [0.0; SPLITS],
            leaf: [0.0; 1 << DEPTH],
        };
        for i in 0..SPLITS - 1 {
            // Level of node i: 0 for 0, 1 for 1-2, 2 for 3-6, 3 for 7-14.
            t.feature[i] = (usize::BITS - (i + 1).leading_zeros() - 1) as u8;
        }
        for (k, v) in t.leaf.iter_mut().enumerate() {
            *v = k as f32;
        }
        t
    }

    /// The walk read off the definition: bit `d` of the leaf is whether
    /// the split at depth `d` went right.
    #[test]
    fn walks_to_the_leaf_of_the_branches_taken() {
        let trees: &'static [Tree] = Box::leak(Box::new([binary()]));
        let f = Forest::<4> { base: 0.5, trees };
        for k in 0..16usize {
            let x: [f32; 4] = std::array::from_fn(|d| {
                if k >> (3 - d) & 1 == 1 {
                    1.0
                } else {
                    0.0 // equal to the split goes left
                }
            });
            assert_eq!(f.score(&x), 0.5 + k as f32, "{x:?}");
        }
    }

    #[test]
    fn sums_the_trees() {
        let mut t = binary();
        t.leaf = [2.0; 16];
        let trees: &'static [Tree] = Box::leak(Box::new([binary(), t]));
        let f = Forest::<4> { base: -1.0, trees };
        assert_eq!(f.score(&[1.0, 1.0, 1.0, 1.0]), -1.0 + 15.0 + 2.0);
    }

    #[test]
    fn the_fitted_forest_reads_its_features() {
        let f = &crate::model::BODY;
        assert!(!f.trees.is_empty());
        for t in f.trees {
            assert!(t
                .feature
                .iter()
                .all(|&j| usize::from(j) < crate::model::N_BODY));
            assert!(t.threshold.iter().chain(&t.leaf).all(|v| v.is_finite()));
        }
    }
}
