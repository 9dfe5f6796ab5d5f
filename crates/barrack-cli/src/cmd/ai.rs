//! ai chat|models|usage|history. Each chat is charged to the balance by tokens.

use crate::ctx::{Ctx, NONE};
use crate::error::{CliError, CliResult};
use crate::output::{table, time};
use barrack_api::types::*;
use barrack_api::Op;
use clap::Subcommand;

#[derive(Subcommand)]
pub enum AiCmd {
    /// Ask a model one question; prints the reply and what it cost.
    Chat {
        /// Model id (see `barrack ai models`).
        #[arg(long)]
        model: String,
        /// Longest reply, in tokens.
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        max_tokens: Option<u32>,
        /// The message (several words are joined with spaces).
        #[arg(required = true, num_args = 1..)]
        message: Vec<String>,
    },
    /// Models with their context length and price per 1,000 tokens.
    Models,
    /// Requests, tokens and cost so far, per model.
    Usage,
    /// Past chats, newest first.
    History {
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        page: Option<u32>,
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..))]
        limit: Option<u32>,
    },
}

fn cur(c: &Option<CurrencyEnum>) -> String {
    c.as_ref().map(ToString::to_string).unwrap_or_default()
}

pub async fn run(cmd: AiCmd, ctx: &Ctx) -> CliResult {
    match cmd {
        AiCmd::Chat {
            model,
            max_tokens,
            message,
        } => {
            let text = message.join(" ");
            if text.trim().is_empty() {
                return Err(CliError::Usage(
                    "message: is empty; say something to the model".into(),
                ));
            }
            if model.trim().is_empty() {
                return Err(CliError::Usage(
                    "--model: is required; see `barrack ai models`".into(),
                ));
            }
            let body = ChatCompletionsRequest {
                model,
                messages: vec![ChatMessage {
                    role: "user".into(),
                    content: text,
                }],
                max_tokens,
                temperature: None,
            };
            let Some(r): Option<ChatCompletionsResponse> =
                ctx.send(Op::AiChat, &[], NONE, Some(&body)).await?
            else {
                return Ok(());
            };
            let reply = r
                .choices
                .first()
                .map(|c| c.message.content.clone())
                .unwrap_or_default();
            ctx.say(reply.trim_end());
            ctx.say(format!(
                "— {} · {} tokens ({} in, {} out) · cost {:.6} {}",
                r.model,
                r.usage.total_tokens,
                r.usage.prompt_tokens,
                r.usage.completion_tokens,
                r.cost,
                cur(&r.currency)
            ));
        }
        AiCmd::Models => {
            let Some(r): Option<ModelsResponse> = ctx.send(Op::AiModels, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let price = |p: Option<f64>| p.map(|p| format!("{p}")).unwrap_or_else(|| "-".into());
            let rows = r.models.iter().map(|m| {
                vec![
                    m.id.clone(),
                    m.name.clone(),
                    m.context_length
                        .map(|c| c.to_string())
                        .unwrap_or_else(|| "-".into()),
                    price(m.input_price_per_1k),
                    price(m.output_price_per_1k),
                    cur(&m.currency),
                ]
            });
            ctx.say(table(
                &["ID", "NAME", "CONTEXT", "IN /1K", "OUT /1K", "CURRENCY"],
                rows,
            ));
        }
        AiCmd::Usage => {
            let Some(r): Option<UsageSummaryResponse> =
                ctx.send(Op::AiUsageSummary, &[], NONE, NONE).await?
            else {
                return Ok(());
            };
            let rows = r.by_model.iter().map(|m| {
                vec![
                    m.model.clone(),
                    m.requests.to_string(),
                    m.tokens.to_string(),
                    format!("{:.6}", m.cost),
                ]
            });
            ctx.say(table(&["MODEL", "REQUESTS", "TOKENS", "COST"], rows));
            ctx.say(format!(
                "{} requests · {} tokens · cost {:.6} {}",
                r.total_requests,
                r.total_tokens,
                r.total_cost,
                cur(&r.currency)
            ));
        }
        AiCmd::History { page, limit } => {
            let q = PageQuery { page, limit };
            let Some(r): Option<UsageHistoryResponse> =
                ctx.send(Op::AiUsageHistory, &[], Some(&q), NONE).await?
            else {
                return Ok(());
            };
            let rows = r.transactions.iter().map(|t| {
                vec![
                    t.id.clone(),
                    t.model.clone(),
                    t.prompt_tokens.to_string(),
                    t.completion_tokens.to_string(),
                    format!("{:.6} {}", t.cost, cur(&t.currency)),
                    time(&t.created_at),
                ]
            });
            ctx.say(table(
                &["ID", "MODEL", "IN TOKENS", "OUT TOKENS", "COST", "TIME"],
                rows,
            ));
            ctx.say(format!(
                "page {}/{} of {} chats",
                r.page, r.total_pages, r.total
            ));
        }
    }
    Ok(())
}
