//! A loopback base URL never goes through a proxy: with every proxy variable pointing at
//! a listener on 127.0.0.1 (which counts what reaches it and never answers), a call to
//! barrack-sim still succeeds and the "proxy" sees nothing.
//!
//! Proxy variables are process-wide, so this file holds a single test and sets them
//! before any client exists.

use barrack_api::{ApiKey, Client};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[test]
fn loopback_requests_ignore_proxy_variables() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let proxy = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let proxy_url = format!("http://{}", proxy.local_addr().unwrap());
        let reached = Arc::new(AtomicUsize::new(0));
        let seen = reached.clone();
        tokio::spawn(async move {
            let mut held = Vec::new();
            while let Ok((sock, _)) = proxy.accept().await {
                seen.fetch_add(1, Ordering::SeqCst);
                held.push(sock); // never answered
            }
        });
        for name in ["NO_PROXY", "no_proxy"] {
            std::env::remove_var(name);
        }
        for name in [
            "HTTP_PROXY",
            "http_proxy",
            "HTTPS_PROXY",
            "https_proxy",
            "ALL_PROXY",
            "all_proxy",
        ] {
            std::env::set_var(name, &proxy_url);
        }

        let sim = barrack_sim::start(barrack_sim::SimConfig::default())
            .await
            .expect("sim starts");
        let client = Client::builder()
            .base_url(sim.url())
            .api_key(ApiKey::new(sim.api_key.clone()))
            .timeout(Duration::from_secs(3))
            .build()
            .unwrap();
        let balance = client
            .get_balance()
            .await
            .expect("reaches the sim directly");
        assert!(balance.success);
        assert_eq!(
            reached.load(Ordering::SeqCst),
            0,
            "a request went to the proxy"
        );

        // The check is real: a client that honours the variables does reach the "proxy".
        let honouring = reqwest::Client::builder()
            .timeout(Duration::from_millis(500))
            .build()
            .unwrap();
        let _ = honouring.get(sim.url()).send().await;
        assert_eq!(
            reached.load(Ordering::SeqCst),
            1,
            "reqwest did not use the proxy variables"
        );
    });
}
