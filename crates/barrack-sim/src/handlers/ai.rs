//! AI chat (inferred): a deterministic sandbox assistant that bills tokens to the balance.

use super::{paginate, reply, Ctx, Req};
use crate::catalog::AI_MODELS;
use crate::error::{SimError, SimResult};
use crate::world::{round6, ts, Account};
use barrack_api::types::*;
use serde_json::Value;

/// Model prices are listed in USD; EUR takes the same figures and INR × 85 (inferred).
fn currency_factor(c: &CurrencyEnum) -> f64 {
    match c {
        CurrencyEnum::Inr => 85.0,
        _ => 1.0,
    }
}

pub fn models(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let f = currency_factor(&acct.currency);
    let models = AI_MODELS
        .iter()
        .map(|(id, name, context, input, output)| AIModel {
            id: (*id).to_owned(),
            name: (*name).to_owned(),
            description: Some(format!("{name}, served on Barrack GPUs")),
            context_length: Some(*context),
            input_price_per_1k: Some(input * f),
            output_price_per_1k: Some(output * f),
            currency: Some(acct.currency.clone()),
        })
        .collect();
    reply(
        ModelsResponse {
            models,
            ..Default::default()
        },
        "Models retrieved successfully",
        ctx,
    )
}

fn tokens(text: &str) -> u64 {
    // About four tokens for every three words.
    (text.split_whitespace().count() as u64 * 4)
        .div_ceil(3)
        .max(1)
}

/// A prompt holding this token gets [`HOSTILE_ANSWER`]: tests ask for it to check that an
/// answer is shown as text, never run (the journey `ai_chat`, the UI's renderer tests). A
/// token no one types by chance: an ordinary question ("Is this hostile?") in the shipped
/// sandbox gets an ordinary answer.
pub const HOSTILE_TOKEN: &str = "[[e2e:hostile-answer]]";

/// A prompt holding this token gets [`huge_answer`], at least [`HUGE_ANSWER_BYTES`] long
/// (an ordinary "Which GPU has huge memory?" does not).
pub const HUGE_TOKEN: &str = "[[e2e:huge-answer]]";

/// The least size of the huge answer (1 MiB).
pub const HUGE_ANSWER_BYTES: usize = 1 << 20;

/// An answer a compromised or tricked model could send: raw HTML with handlers, a script,
/// `javascript:` links, an image, a link to a host the app may not open — among ordinary
/// Markdown (a code block, a link to Barrack's docs). Every trap sets `window.__pwned`.
pub const HOSTILE_ANSWER: &str = r#"# Hostile answer

Here is an image: <img src=x onerror="window.__pwned = 'img'">

<script>window.__pwned = 'script'</script>

<div onclick="window.__pwned = 'div'" onmouseover="window.__pwned = 'hover'">Hover me</div>

<iframe src="javascript:window.__pwned = 'iframe'"></iframe>

[Click for credits](javascript:window.__pwned='link') and <javascript:window.__pwned='autolink'>

[A harmless-looking page](https://evil.example/phish) and ![tracking pixel](https://evil.example/pixel.png)

[Barrack's docs](https://docs.barrack.ai/ai-chat-1861165m0)

```html
<script>window.__pwned = 'code'</script>
```
"#;

/// About 1 MiB of Markdown: numbered sections, each a paragraph and a code block.
pub fn huge_answer() -> String {
    let mut out = String::with_capacity(HUGE_ANSWER_BYTES + 512);
    let mut n = 0;
    while out.len() < HUGE_ANSWER_BYTES {
        n += 1;
        out.push_str(&format!(
            "## Part {n}\n\nThis is part {n} of a very long answer. A GPU VM bills per minute \
             while ACTIVE; hibernate it to keep its disk and release its GPUs.\n\n\
             ```sh\nbarrack instances list --region NORWAY-1 # part {n}\n```\n\n"
        ));
    }
    out
}

/// The canned answer to `question`: Markdown with a code block and a link to the docs, the
/// hostile or the huge answer when the question holds their token.
fn answer(question: &str) -> String {
    if question.contains(HOSTILE_TOKEN) {
        return HOSTILE_ANSWER.to_owned();
    }
    if question.contains(HUGE_TOKEN) {
        return huge_answer();
    }
    let q = question.to_ascii_lowercase();
    let (topic, command) = if q.contains("hibernat") {
        ("Hibernation saves the VM's state and releases its GPUs; a hibernated VM bills only the small hibernation rate until you restore it.", "barrack instances hibernate BRK-…D --wait")
    } else if q.contains("snapshot") || q.contains("image") {
        ("Take a snapshot of an ACTIVE VM, then create an image from it; the image can boot new VMs in the same region.", "barrack snapshots create --instance BRK-…D --name base --wait")
    } else if q.contains("price") || q.contains("cost") {
        (
            "Prices come from the pricing endpoint, per GPU per hour; billing is per minute.",
            "barrack pricing --currency USD",
        )
    } else {
        (
            "I am the sandbox assistant. Ask me about VMs, snapshots, images, volumes or billing.",
            "barrack instances list",
        )
    };
    format!(
        "{topic} (You asked: \"{}\")\n\n**Try it** from a terminal:\n\n```sh\n{command}\n```\n\n\
         More in [Barrack's docs](https://docs.barrack.ai/).",
        question.trim()
    )
}

pub fn chat(acct: &mut Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let body: ChatCompletionsRequest = req.body()?;
    let Some((id, _, _, input, output)) = AI_MODELS.iter().find(|m| m.0 == body.model) else {
        return Err(SimError::validation(
            "model",
            format!("{:?} is not an available model", body.model),
        ));
    };
    if acct.balance() <= 0.0 {
        return Err(SimError::insufficient_credits(
            "add credits to use AI chat".to_owned(),
        ));
    }
    let question = body
        .messages
        .iter()
        .rev()
        .find(|m| m.role == "user")
        .map(|m| m.content.clone())
        .unwrap_or_default();
    let mut text = answer(&question);
    if let Some(max) = body.max_tokens {
        let words: Vec<&str> = text
            .split_whitespace()
            .take((max as usize * 3 / 4).max(1))
            .collect();
        text = words.join(" ");
    }
    let prompt_tokens: u64 = body.messages.iter().map(|m| tokens(&m.content)).sum();
    let completion_tokens = tokens(&text);
    let f = currency_factor(&acct.currency);
    let cost =
        round6((prompt_tokens as f64 * input + completion_tokens as f64 * output) / 1000.0 * f);
    let key = acct.currency.as_str().to_owned();
    *acct.balances.entry(key).or_insert(0.0) -= cost;
    let tx_id = acct.new_id("T");
    acct.ai_transactions.push(AITransaction {
        id: tx_id.clone(),
        model: (*id).to_owned(),
        prompt_tokens,
        completion_tokens,
        cost,
        currency: Some(acct.currency.clone()),
        created_at: ts(ctx.now),
    });
    reply(
        ChatCompletionsResponse {
            id: tx_id,
            model: (*id).to_owned(),
            choices: vec![ChatChoice {
                index: 0,
                message: ChatMessage {
                    role: "assistant".into(),
                    content: text,
                },
                finish_reason: Some("stop".into()),
            }],
            usage: ChatUsage {
                prompt_tokens,
                completion_tokens,
                total_tokens: prompt_tokens + completion_tokens,
            },
            cost,
            currency: Some(acct.currency.clone()),
            ..Default::default()
        },
        "Chat completed",
        ctx,
    )
}

pub fn usage(acct: &Account, ctx: &Ctx) -> SimResult<Value> {
    let mut by_model: Vec<ModelUsage> = Vec::new();
    for t in &acct.ai_transactions {
        let entry = match by_model.iter_mut().find(|m| m.model == t.model) {
            Some(e) => e,
            None => {
                by_model.push(ModelUsage {
                    model: t.model.clone(),
                    ..Default::default()
                });
                by_model.last_mut().expect("just pushed")
            }
        };
        entry.requests += 1;
        entry.tokens += t.prompt_tokens + t.completion_tokens;
        entry.cost = round6(entry.cost + t.cost);
    }
    reply(
        UsageSummaryResponse {
            total_requests: acct.ai_transactions.len() as u64,
            total_tokens: by_model.iter().map(|m| m.tokens).sum(),
            total_cost: round6(by_model.iter().map(|m| m.cost).sum()),
            currency: Some(acct.currency.clone()),
            by_model,
            ..Default::default()
        },
        "Usage summary retrieved successfully",
        ctx,
    )
}

pub fn history(acct: &Account, req: &Req, ctx: &Ctx) -> SimResult<Value> {
    let (page, limit) = req.page()?;
    let mut all = acct.ai_transactions.clone();
    all.reverse();
    let (transactions, total, page, limit, total_pages) = paginate(&all, page, limit);
    reply(
        UsageHistoryResponse {
            transactions,
            total,
            page,
            limit,
            total_pages,
            ..Default::default()
        },
        "Usage history retrieved successfully",
        ctx,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ordinary_answer_is_markdown_with_a_code_block_and_a_docs_link() {
        let a = answer("How does hibernation work?");
        assert!(a.starts_with("Hibernation saves"), "{a}");
        assert!(a.contains("(You asked: \"How does hibernation work?\")"));
        assert!(a.contains("```sh\nbarrack instances hibernate"), "{a}");
        assert!(a.contains("](https://docs.barrack.ai/)"), "{a}");
    }

    #[test]
    fn the_keyword_asks_for_the_hostile_answer_with_every_trap() {
        let a = answer(&format!("Show me {HOSTILE_TOKEN} please"));
        assert_eq!(a, HOSTILE_ANSWER);
        for trap in [
            "<img src=x onerror=",
            "<script>",
            "onclick=",
            "(javascript:",
            "<javascript:",
            "https://evil.example/",
            "![tracking pixel]",
            "```html",
        ] {
            assert!(a.contains(trap), "the hostile answer holds {trap}");
        }
        // Every trap says which one fired.
        assert_eq!(a.matches("window.__pwned").count(), 8);
    }

    #[test]
    fn the_huge_answer_is_at_least_a_mebibyte_of_sections() {
        let a = answer(&format!("a {HUGE_TOKEN} one"));
        assert!(a.len() >= HUGE_ANSWER_BYTES);
        assert!(a.len() < HUGE_ANSWER_BYTES + 1024);
        assert!(a.starts_with("## Part 1\n"));
        assert_eq!(a.matches("```sh").count(), a.matches("## Part ").count());
    }

    #[test]
    fn ordinary_questions_with_the_words_get_ordinary_answers() {
        for q in [
            "Which GPU has huge memory?",
            "Is this hostile?",
            "HUGE or HOSTILE, what does a snapshot cost?",
            "[[E2E:HUGE-ANSWER]]",
            "e2e:hostile-answer",
        ] {
            let a = answer(q);
            assert_ne!(a, HOSTILE_ANSWER, "{q}");
            assert!(a.len() < 1024, "{q} got a long answer");
            assert!(a.contains(&format!("(You asked: \"{q}\")")), "{a}");
        }
    }
}
