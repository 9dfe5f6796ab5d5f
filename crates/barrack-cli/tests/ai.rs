//! ai chat|models|usage|history, against the sandbox account.
mod common;

use common::*;

const MODEL: &str = "llama-3.1-8b-instruct";

#[test]
fn ai_chat_prints_the_reply_and_the_cost() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
        "ai",
        "chat",
        "--model",
        MODEL,
        "what",
        "does",
        "hibernation",
        "cost?",
    ]);
    assert_contains_all(
        &text,
        &[
            "Hibernation saves the VM's state",
            "You asked: \"what does hibernation cost?\"",
            MODEL,
            "cost 0.0",
            "USD",
        ],
    );
    let v = s.json(&[
        "ai",
        "chat",
        "--model",
        MODEL,
        "--max-tokens",
        "5",
        "hello there",
    ]);
    assert_eq!(v["model"], MODEL);
    assert_eq!(v["choices"][0]["message"]["role"], "assistant");
    assert!(v["cost"].as_f64().unwrap() > 0.0);
    assert!(
        v["choices"][0]["message"]["content"]
            .as_str()
            .unwrap()
            .split_whitespace()
            .count()
            <= 4
    );
    assert_eq!(s.request_count("ai_chat"), 2);
}

#[test]
fn ai_chat_with_an_unknown_model_is_refused_by_the_server() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args(["ai", "chat", "--model", "gpt-17", "hi"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_contains_all(
        &stderr(&out),
        &["error[Validation]", "not an available model"],
    );
}

#[test]
fn ai_bad_input_is_refused_before_any_request() {
    let s = TestSim::sandbox();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["chat", "--model", MODEL], "MESSAGE"),
        (vec!["chat", "--model", MODEL, "  "], "message"),
        (vec!["chat", "hi"], "--model"),
        (vec!["chat", "--model", "", "hi"], "--model"),
        (
            vec!["chat", "--model", MODEL, "--max-tokens", "0", "hi"],
            "--max-tokens",
        ),
        (vec!["history", "--limit", "0"], "--limit"),
    ];
    s.refuses_each(&["ai"], &cases);
    assert_eq!(s.request_count("ai_chat"), 0);
    assert_eq!(s.request_count("ai_usage_history"), 0);
}

#[test]
fn ai_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let text = s.ok_stdout(&[
        "--explain",
        "ai",
        "chat",
        "--model",
        MODEL,
        "hello",
        "world",
    ]);
    assert!(
        text.starts_with(&format!("POST {}ai/chat/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"content\": \"hello world\"")
            && text.contains("\"role\": \"user\""),
        "{text}"
    );
    let h = s.stdout_of(&["--explain", "ai", "history", "--page", "2", "--limit", "3"]);
    assert!(
        h.starts_with(&format!("GET {}ai/usage/history/", s.url))
            && h.contains("page=2")
            && h.contains("limit=3"),
        "{h}"
    );
    for (args, path) in [
        (["ai", "models"], "ai/models/"),
        (["ai", "usage"], "ai/usage/"),
    ] {
        let out = stdout(&s.cmd().arg("--explain").args(args).output().unwrap());
        assert!(
            out.starts_with(&format!("GET {}{path}", s.url)) && out.contains("<redacted>"),
            "{out}"
        );
    }
    s.assert_nothing_sent(&[
        "ai_chat",
        "ai_usage_history",
        "ai_models",
        "ai_usage_summary",
    ]);
}

#[test]
fn ai_models_lists_models_with_prices() {
    let s = TestSim::sandbox();
    let out = s.stdout_of(&["ai", "models"]);
    assert_contains_all(
        &out,
        &[
            MODEL,
            "Llama 3.1 8B Instruct",
            "131072",
            "0.0002",
            "qwen2.5-coder-32b",
        ],
    );
    let v = s.json(&["ai", "models"]);
    assert_eq!(v["models"].as_array().unwrap().len(), 3);
    assert_eq!(v["models"][0]["id"], MODEL);
}

#[test]
fn ai_usage_and_history_after_two_chats() {
    let s = TestSim::sandbox();
    for q in ["first question", "second question"] {
        s.ok_stdout(&["ai", "chat", "--model", MODEL, q]);
    }
    let usage = s.stdout_of(&["ai", "usage"]);
    assert_contains_all(&usage, &[MODEL, "2 requests", "USD"]);
    let v = s.json(&["ai", "usage"]);
    assert_eq!(v["total_requests"], 2);
    assert!(v["total_cost"].as_f64().unwrap() > 0.0);
    let history = s.stdout_of(&["ai", "history", "--limit", "1"]);
    assert_contains_all(&history, &[MODEL, "page 1/2 of 2 chats"]);
    let v = s.json(&["ai", "history"]);
    assert_eq!(v["total"], 2);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 2);
}
