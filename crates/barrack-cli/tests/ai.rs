//! ai chat|models|usage|history, against the sandbox account.
mod common;

use common::*;

const MODEL: &str = "llama-3.1-8b-instruct";

#[test]
fn ai_chat_prints_the_reply_and_the_cost() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "ai",
            "chat",
            "--model",
            MODEL,
            "what",
            "does",
            "hibernation",
            "cost?",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.contains("Hibernation saves the VM's state")
            && text.contains("You asked: \"what does hibernation cost?\"")
            && text.contains(MODEL)
            && text.contains("cost 0.0")
            && text.contains("USD"),
        "{text}"
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
    assert!(
        stderr(&out).contains("error[Validation]")
            && stderr(&out).contains("not an available model"),
        "{}",
        stderr(&out)
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
    for (args, says) in cases {
        let out = s.cmd().arg("ai").args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(says), "{args:?}: {}", stderr(&out));
    }
    assert_eq!(s.request_count("ai_chat"), 0);
    assert_eq!(s.request_count("ai_usage_history"), 0);
}

#[test]
fn ai_explain_prints_the_request_and_sends_nothing() {
    let s = TestSim::sandbox();
    let out = s
        .cmd()
        .args([
            "--explain",
            "ai",
            "chat",
            "--model",
            MODEL,
            "hello",
            "world",
        ])
        .output()
        .unwrap();
    let text = stdout(&out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        text.starts_with(&format!("POST {}ai/chat/", s.url))
            && text.contains("<redacted>")
            && text.contains("\"content\": \"hello world\"")
            && text.contains("\"role\": \"user\""),
        "{text}"
    );
    let h = stdout(
        &s.cmd()
            .args(["--explain", "ai", "history", "--page", "2", "--limit", "3"])
            .output()
            .unwrap(),
    );
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
    for op in [
        "ai_chat",
        "ai_usage_history",
        "ai_models",
        "ai_usage_summary",
    ] {
        assert_eq!(s.request_count(op), 0, "{op}");
    }
}

#[test]
fn ai_models_lists_models_with_prices() {
    let s = TestSim::sandbox();
    let out = stdout(&s.cmd().args(["ai", "models"]).output().unwrap());
    assert!(
        out.contains(MODEL)
            && out.contains("Llama 3.1 8B Instruct")
            && out.contains("131072")
            && out.contains("0.0002")
            && out.contains("qwen2.5-coder-32b"),
        "{out}"
    );
    let v = s.json(&["ai", "models"]);
    assert_eq!(v["models"].as_array().unwrap().len(), 3);
    assert_eq!(v["models"][0]["id"], MODEL);
}

#[test]
fn ai_usage_and_history_after_two_chats() {
    let s = TestSim::sandbox();
    for q in ["first question", "second question"] {
        s.cmd()
            .args(["ai", "chat", "--model", MODEL, q])
            .assert()
            .success();
    }
    let usage = stdout(&s.cmd().args(["ai", "usage"]).output().unwrap());
    assert!(
        usage.contains(MODEL) && usage.contains("2 requests") && usage.contains("USD"),
        "{usage}"
    );
    let v = s.json(&["ai", "usage"]);
    assert_eq!(v["total_requests"], 2);
    assert!(v["total_cost"].as_f64().unwrap() > 0.0);
    let history = stdout(
        &s.cmd()
            .args(["ai", "history", "--limit", "1"])
            .output()
            .unwrap(),
    );
    assert!(
        history.contains(MODEL) && history.contains("page 1/2 of 2 chats"),
        "{history}"
    );
    let v = s.json(&["ai", "history"]);
    assert_eq!(v["total"], 2);
    assert_eq!(v["transactions"].as_array().unwrap().len(), 2);
}
