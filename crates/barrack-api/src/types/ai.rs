//! AI chat. Schema names documented; fields inferred (OpenAI-style, which the schema name
//! `ChatCompletionsRequest` suggests).

use super::common::*;
use crate::decode::{self as de, Timestamp};
use crate::envelope;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ChatMessage {
    /// `system`, `user` or `assistant`.
    pub role: String,
    pub content: String,
}

/// Schema `ChatCompletionsRequest`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ChatCompletionsRequest {
    pub model: String,
    pub messages: Vec<ChatMessage>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_u32"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub max_tokens: Option<u32>,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_f64"
    )]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub temperature: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ChatChoice {
    #[serde(deserialize_with = "de::u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub index: u32,
    pub message: ChatMessage,
    pub finish_reason: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ChatUsage {
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub prompt_tokens: u64,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub completion_tokens: u64,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_tokens: u64,
}

/// Schema `ChatCompletionsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ChatCompletionsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub model: String,
    pub choices: Vec<ChatChoice>,
    pub usage: ChatUsage,
    /// What this call was charged to the balance.
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub cost: f64,
    pub currency: Option<CurrencyEnum>,
    pub request_id: Option<String>,
}

/// One model of "Get available AI models".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AIModel {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub name: String,
    pub description: Option<String>,
    #[serde(deserialize_with = "de::opt_u32")]
    #[cfg_attr(feature = "specta", specta(type = Option<u32>))]
    pub context_length: Option<u32>,
    /// Price per 1,000 input tokens, in `currency`.
    #[serde(deserialize_with = "de::opt_f64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub input_price_per_1k: Option<f64>,
    #[serde(deserialize_with = "de::opt_f64")]
    #[cfg_attr(feature = "specta", specta(type = Option<f64>))]
    pub output_price_per_1k: Option<f64>,
    pub currency: Option<CurrencyEnum>,
}

/// Schema `ModelsResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ModelsResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub models: Vec<AIModel>,
    pub request_id: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct ModelUsage {
    pub model: String,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub requests: u64,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub tokens: u64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub cost: f64,
}

/// Schema `UsageSummaryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct UsageSummaryResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_requests: u64,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_tokens: u64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total_cost: f64,
    pub currency: Option<CurrencyEnum>,
    pub by_model: Vec<ModelUsage>,
    pub request_id: Option<String>,
}

/// Schema `AITransaction`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct AITransaction {
    #[serde(deserialize_with = "de::string")]
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub id: String,
    pub model: String,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub prompt_tokens: u64,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub completion_tokens: u64,
    #[serde(deserialize_with = "de::f64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub cost: f64,
    pub currency: Option<CurrencyEnum>,
    pub created_at: Option<Timestamp>,
}

/// Schema `UsageHistoryResponse`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct UsageHistoryResponse {
    #[serde(deserialize_with = "de::bool")]
    #[cfg_attr(feature = "specta", specta(type = bool))]
    pub success: bool,
    pub message: Option<String>,
    pub transactions: Vec<AITransaction>,
    #[serde(deserialize_with = "de::u64")]
    #[cfg_attr(feature = "specta", specta(type = f64))]
    pub total: u64,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub page: u32,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub limit: u32,
    #[serde(deserialize_with = "de::count_u32")]
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub total_pages: u32,
    pub request_id: Option<String>,
}

envelope!(
    ChatCompletionsResponse,
    ModelsResponse,
    UsageSummaryResponse,
    UsageHistoryResponse
);
crate::paginated!(UsageHistoryResponse => transactions: AITransaction);
