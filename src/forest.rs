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
    /// The forest's log-odds for the features `x`, read off the stored
    /// trees: the oracle the laid-out walk ([`Padded::score`]) is tested
    /// against.
    #[cfg(test)]
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

/// The `N` features [`Forest::score_compiled`] reads, one at a time, each
/// where a split compares it: an array of them, or a view of features that
/// lie in several places (read where they lie, not copied together first).
pub(crate) trait Features<const N: usize> {
    /// The `j`th feature (`j < N`).
    fn feature(&self, j: usize) -> f32;
}

impl<const N: usize> Features<N> for [f32; N] {
    #[inline(always)]
    fn feature(&self, j: usize) -> f32 {
        self[j]
    }
}

/// How many trees [`Forest::score_compiled`] walks: the body model's.
const COMPILED_TREES: usize = 60;

impl<const N: usize> Forest<N> {
    /// The forest's log-odds for the features `x`, as the tests' oracle
    /// `Forest::score` gives them (the same comparisons, the leaves added
    /// in the same order), for a forest of [`COMPILED_TREES`] trees (`None` for
    /// another count).
    ///
    /// Inlined where the forest is a static ([`crate::model::BODY`]), each
    /// tree's walk ([`Tree::add_leaf_by_branches`]) is nested branches on
    /// constants: the compiler reads the trees' features, thresholds and
    /// leaves into the code, and a step of the walk is a load, a compare
    /// and a jump, with no split read from memory and no index computed.
    #[inline(always)]
    pub(crate) fn score_compiled(&self, x: &impl Features<N>) -> Option<f32> {
        let trees: &[Tree; COMPILED_TREES] = self.trees.try_into().ok()?;
        let mut sum = self.base;
        macro_rules! add_trees {
            ($($k:literal)*) => { $( sum = trees[$k].add_leaf_by_branches(sum, x); )* };
        }
        add_trees!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
                   30 31 32 33 34 35 36 37 38 39 40 41 42 43 44 45 46 47 48 49 50 51 52 53 54 55 56 57 58 59);
        Some(sum)
    }
}

impl Tree {
    /// `sum` plus the leaf the walk over `x` reaches (as `Forest::score`
    /// walks it), as [`DEPTH`] nested branches: node `i` goes to `2i + 1`
    /// when `x[feature] <= threshold`, else to `2i + 2`. (The sum is added
    /// at each leaf, not to the leaf the branches pick: the compiler then
    /// keeps the leaf a constant of its branch, where it otherwise turns the
    /// last step into an index into the leaves, kept on the stack.)
    #[inline(always)]
    fn add_leaf_by_branches<const N: usize>(&self, sum: f32, x: &impl Features<N>) -> f32 {
        macro_rules! node {
            // Past the last depth: node `i` is the leaf `i - (SPLITS - 1)`.
            ($i:expr;) => { sum + self.leaf[$i - (SPLITS - 1)] };
            ($i:expr; $d:tt $($deeper:tt)*) => {
                if x.feature(usize::from(self.feature[$i])) > self.threshold[$i] {
                    node!(2 * ($i) + 2; $($deeper)*)
                } else {
                    node!(2 * ($i) + 1; $($deeper)*)
                }
            };
        }
        const { assert!(DEPTH == 4) };
        node!(0usize; 0 1 2 3)
    }
}

/// The `N` features of a forest padded for the walk ([`PADDED`] of them,
/// all but the forest's zero), which may be kept from line to line: each
/// line writes its features over the last line's. The walk is of the
/// trees `walks`.
pub(crate) struct Padded<'w, const N: usize> {
    x: [f32; PADDED],
    walks: &'w Walks,
}

impl<'w, const N: usize> Padded<'w, N> {
    pub(crate) fn new(walks: &'w Walks) -> Padded<'w, N> {
        const { assert!(N <= PADDED) };
        Padded {
            x: [0.0; PADDED],
            walks,
        }
    }

    /// The forest's log-odds for the features `x`: the sums of its trees,
    /// bit for bit (tested against the walk over the stored trees).
    pub(crate) fn score(&mut self, x: &[f32; N]) -> f32 {
        *self.features_mut() = *x;
        self.log_odds()
    }

    /// The features last written, for the walk to read.
    pub(crate) fn features_mut(&mut self) -> &mut [f32; N] {
        (&mut self.x[..N]).try_into().expect("N features")
    }

    /// The features last written.
    pub(crate) fn features(&self) -> &[f32; N] {
        (&self.x[..N]).try_into().expect("N features")
    }

    /// The forest's log-odds for the features last written
    /// ([`Padded::features_mut`]).
    pub(crate) fn log_odds(&self) -> f32 {
        self.walks.score_padded(&self.x)
    }
}

/// A split as the walk reads it: the value compared and the feature.
#[derive(Debug, Clone, Copy, Default)]
struct Split {
    threshold: f32,
    /// The feature's index (below [`PADDED`], whatever it is).
    feature: u8,
}

/// A tree as the walk reads it: each split's feature beside its
/// threshold, then the leaves, so that one index finds both.
#[derive(Debug, Clone, Copy)]
struct Walk {
    splits: [Split; SPLITS],
    leaf: [f32; 1 << DEPTH],
}

/// A forest laid out for [`Walks::score_padded`]: the same trees, the same
/// sums.
#[derive(Debug)]
pub(crate) struct Walks {
    base: f32,
    walks: Vec<Walk>,
}

/// The length [`Padded`] pads the features to: a split's feature,
/// a byte, is then an index that needs no bounds check.
const PADDED: usize = 256;

impl Walks {
    /// The trees of `forest`, laid out for the walk.
    pub(crate) fn of<const N: usize>(forest: &Forest<N>) -> Walks {
        const { assert!(N <= PADDED) };
        let walks = forest
            .trees
            .iter()
            .map(|t| Walk {
                splits: std::array::from_fn(|i| Split {
                    threshold: t.threshold[i],
                    feature: t.feature[i],
                }),
                leaf: t.leaf,
            })
            .collect();
        Walks {
            base: forest.base,
            walks,
        }
    }

    /// The log-odds of the forest for the features `x` (as
    /// [`Forest::score`] gives them).
    #[cfg(test)]
    fn score<const N: usize>(&self, x: &[f32; N]) -> f32 {
        const { assert!(N <= PADDED) };
        let mut padded = [0.0f32; PADDED];
        padded[..N].copy_from_slice(x);
        self.score_padded(&padded)
    }

    /// The log-odds of the forest for features padded with zeros: the
    /// leaves added in the order of the trees, three trees a step (no
    /// loop's count and pointer to keep per tree).
    #[inline(always)]
    fn score_padded(&self, padded: &[f32; PADDED]) -> f32 {
        let mut sum = self.base;
        let mut steps = self.walks.chunks_exact(3);
        for t in &mut steps {
            sum += t[0].leaf_of(padded);
            sum += t[1].leaf_of(padded);
            sum += t[2].leaf_of(padded);
        }
        for t in steps.remainder() {
            sum += t.leaf_of(padded);
        }
        sum
    }
}

impl Walk {
    /// The leaf the walk of this tree over `padded` reaches.
    #[inline(always)]
    fn leaf_of(&self, padded: &[f32; PADDED]) -> f32 {
        // Whether the walk goes right at the `p`th split of depth `d`
        // (node `2^d - 1 + p`: node `i` has children `2i + 1` and
        // `2i + 2`).
        let right = |d: usize, p: usize| {
            let s = self.splits[(1 << d) - 1 + p];
            usize::from(padded[usize::from(s.feature)] > s.threshold)
        };
        // The path taken, one bit per depth.
        let p = right(0, 0);
        let p = 2 * p + right(1, p);
        let p = 2 * p + right(2, p);
        let p = 2 * p + right(3, p);
        self.leaf[p]
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

    /// Features for the body forest, each in [-2, 2), from a xorshift
    /// generator at `seed`.
    fn random_features(seed: &mut u64) -> [f32; crate::model::N_BODY] {
        std::array::from_fn(|_| {
            *seed ^= *seed << 13;
            *seed ^= *seed >> 7;
            *seed ^= *seed << 17;
            (*seed >> 40) as f32 / (1u64 << 22) as f32 - 2.0
        })
    }

    /// The walk laid out for speed gives the fitted forest's own sums.
    #[test]
    fn the_laid_out_walk_scores_as_the_trees() {
        let f = &crate::model::BODY;
        let walks = Walks::of(f);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..2000 {
            let x = random_features(&mut seed);
            assert_eq!(walks.score(&x).to_bits(), f.score(&x).to_bits());
            assert_eq!(
                Padded::new(&walks).score(&x).to_bits(),
                f.score(&x).to_bits()
            );
        }
        for t in f.trees {
            // Thresholds read as features: every branch on the edge.
            let x: [f32; crate::model::N_BODY] =
                std::array::from_fn(|j| t.threshold[j % (SPLITS - 1)]);
            assert_eq!(walks.score(&x).to_bits(), f.score(&x).to_bits());
        }
    }

    /// The walk compiled into branches gives the fitted forest's own sums,
    /// on random features and on features equal to every threshold (each
    /// branch on its edge); a forest of another count of trees has none.
    #[test]
    fn the_compiled_walk_scores_as_the_trees() {
        let f = &crate::model::BODY;
        assert_eq!(
            f.trees.len(),
            COMPILED_TREES,
            "refitted with another count of trees: set COMPILED_TREES and the \
             indices of add_trees! in Forest::score_compiled to it"
        );
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for _ in 0..2000 {
            let x = random_features(&mut seed);
            assert_eq!(
                f.score_compiled(&x).map(f32::to_bits),
                Some(f.score(&x).to_bits())
            );
        }
        for t in f.trees {
            for i in 0..SPLITS - 1 {
                let x: [f32; crate::model::N_BODY] = std::array::from_fn(|j| {
                    if j == usize::from(t.feature[i]) {
                        t.threshold[i]
                    } else {
                        t.threshold[j % (SPLITS - 1)]
                    }
                });
                assert_eq!(
                    f.score_compiled(&x).map(f32::to_bits),
                    Some(f.score(&x).to_bits())
                );
            }
        }
        let short = Forest::<{ crate::model::N_BODY }> {
            base: f.base,
            trees: &f.trees[1..],
        };
        assert_eq!(short.score_compiled(&[0.0; crate::model::N_BODY]), None);
    }

    /// Forests of one to seven trees (some steps of three and a rest of
    /// none to two) score as the trees do.
    #[test]
    fn the_walk_by_steps_adds_every_tree() {
        for count in 1..=7usize {
            let trees: Vec<Tree> = (0..count)
                .map(|t| {
                    let mut tree = binary();
                    for (k, v) in tree.leaf.iter_mut().enumerate() {
                        *v = (k as f32 + 0.25) * (t as f32 + 1.0).recip();
                    }
                    tree.feature.rotate_left(t % 4);
                    tree
                })
                .collect();
            let trees: &'static [Tree] = Box::leak(trees.into_boxed_slice());
            let f = Forest::<4> { base: -0.5, trees };
            let walks = Walks::of(&f);
            for k in 0..16usize {
                let x: [f32; 4] = std::array::from_fn(|d| (k >> d & 1) as f32 - 0.5);
                assert_eq!(
                    walks.score(&x).to_bits(),
                    f.score(&x).to_bits(),
                    "{count} {x:?}"
                );
            }
        }
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
