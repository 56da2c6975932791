//! Study-mode search: every question of the chosen categories, filtered as the learner types,
//! across prompts, answers, key points and tags (and a challenge's approach). The index
//! lower-cases each question's text once, so a keystroke is one substring scan per question:
//! a few milliseconds for a 5,000-question bank.

use crate::bank::{Bank, Question};

pub struct Index {
    /// (question index in the bank, its searchable text in lower case).
    entries: Vec<(usize, String)>,
}

fn haystack(q: &Question) -> String {
    let mut text = String::with_capacity(q.answer.len() + q.prompt.len() + 256);
    for part in [&q.prompt, &q.answer, &q.id]
        .into_iter()
        .chain(&q.key_points)
        .chain(&q.tags)
    {
        text.push_str(part);
        text.push('\n');
    }
    if let Some(c) = &q.challenge {
        text.push_str(&c.approach);
    }
    text.to_lowercase()
}

impl Index {
    /// The questions of `slugs`, in bank order.
    pub fn new(bank: &Bank, slugs: &[String]) -> Index {
        Index {
            entries: bank
                .questions
                .iter()
                .enumerate()
                .filter(|(_, q)| slugs.contains(&q.category))
                .map(|(i, q)| (i, haystack(q)))
                .collect(),
        }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Bank indices of the questions holding every word of `query` (case-insensitive), in
    /// bank order; all of them for a blank query.
    pub fn search(&self, query: &str) -> Vec<usize> {
        let query = query.to_lowercase();
        let words: Vec<&str> = query.split_whitespace().collect();
        self.entries
            .iter()
            .filter(|(_, text)| words.iter().all(|w| text.contains(w)))
            .map(|(i, _)| *i)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_word_anywhere_case_insensitively() {
        let bank = crate::bank::parse(
            r#"{"version":1,"categories":[{"slug":"a","title":"A"},{"slug":"b","title":"B"}],
            "questions":[
             {"id":"a1","category":"a","prompt":"What is the GIL?","difficulty":"junior","answer":"A lock.","key_points":["one thread"],"tags":["threads"]},
             {"id":"a2","category":"a","prompt":"Decorators","difficulty":"junior","answer":"Functions wrapping functions.","tags":["functions"]},
             {"id":"b1","category":"b","prompt":"GIL again","difficulty":"junior","answer":"x"}]}"#,
        )
        .unwrap()
        .bank;
        let index = Index::new(&bank, &["a".to_owned()]);
        assert_eq!(index.len(), 2);
        assert_eq!(index.search(""), [0, 1]);
        assert_eq!(
            index.search("  gil "),
            [0],
            "prompt; category b is not searched"
        );
        assert_eq!(
            index.search("THREAD lock"),
            [0],
            "key points and answer, all words"
        );
        assert_eq!(index.search("functions"), [1]);
        assert_eq!(index.search("gil decorators"), Vec::<usize>::new());
    }
}
