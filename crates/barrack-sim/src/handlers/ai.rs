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

fn answer(question: &str) -> String {
    let q = question.to_ascii_lowercase();
    let topic = if q.contains("hibernat") {
        "Hibernation saves the VM's state and releases its GPUs; a hibernated VM bills only the small hibernation rate until you restore it."
    } else if q.contains("snapshot") || q.contains("image") {
        "Take a snapshot of an ACTIVE VM, then create an image from it; the image can boot new VMs in the same region."
    } else if q.contains("price") || q.contains("cost") {
        "Prices come from the pricing endpoint, per GPU per hour; billing is per minute."
    } else {
        "I am the sandbox assistant. Ask me about VMs, snapshots, images, volumes or billing."
    };
    format!("{topic} (You asked: \"{}\")", question.trim())
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
