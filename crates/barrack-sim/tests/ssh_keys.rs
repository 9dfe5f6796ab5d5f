//! The emulator's SSH keys against the rules the app checks first (barrack_api::validate):
//! the same words for the 25-key limit and for a key in use, whose VMs are named.

use barrack_api::types::*;
use barrack_api::validate::{ssh_key_deletable, ssh_key_room, SSH_KEYS_PER_REGION};
use barrack_api::{ApiKey, Client, ErrorCode};
use barrack_sim::{Seed, SimConfig};

async fn client(seed: Seed) -> (barrack_sim::RunningSim, Client) {
    let sim = barrack_sim::start(SimConfig {
        seed,
        ..Default::default()
    })
    .await
    .expect("sim starts");
    let client = Client::builder()
        .base_url(sim.url())
        .api_key(ApiKey::new(sim.api_key.clone()))
        .build()
        .expect("client");
    (sim, client)
}

fn generate(name: &str) -> CreateSSHKeyRequest {
    CreateSSHKeyRequest {
        name: name.into(),
        public_key: None,
    }
}

#[tokio::test]
async fn the_twenty_sixth_key_is_refused_with_the_apps_words() {
    let (_sim, client) = client(Seed::Empty).await;
    for n in 0..SSH_KEYS_PER_REGION {
        client
            .create_ssh_key(&generate(&format!("k{n}")))
            .await
            .unwrap();
    }
    let err = client
        .create_ssh_key(&generate("one-more"))
        .await
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let expected = ssh_key_room("x", SSH_KEYS_PER_REGION).unwrap_err().message;
    assert!(err.message.contains(&expected), "{}", err.message);
    let keys = client.list_ssh_keys().await.unwrap().ssh_keys;
    assert_eq!(keys.len(), SSH_KEYS_PER_REGION);
}

/// The sandbox's `alice-laptop` is used by `train-h100` and `dev-a6000`: its deletion is
/// refused naming both, and the key stays; a key no VM uses is deleted.
#[tokio::test]
async fn a_key_in_use_is_kept_and_its_vms_are_named() {
    let (_sim, client) = client(Seed::Sandbox).await;
    let keys = client.list_ssh_keys().await.unwrap().ssh_keys;
    let alice = keys.iter().find(|k| k.name == "alice-laptop").unwrap();
    assert_eq!(alice.used_by.len(), 2, "{alice:?}");

    let err = client.delete_ssh_key(&alice.id).await.unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    let mut names = Vec::new();
    for id in &alice.used_by {
        names.push(client.get_instance(id).await.unwrap().instance.name);
    }
    names.sort();
    assert_eq!(names, ["dev-a6000", "train-h100"]);
    let expected = ssh_key_deletable("x", "alice-laptop", &names)
        .unwrap_err()
        .message;
    // The emulator lists the VMs in its own order; the words around them are the app's.
    assert!(err.message.contains("train-h100") && err.message.contains("dev-a6000"));
    assert!(
        err.message
            .contains("cannot be deleted while it is used by 2 VMs"),
        "{} (the app says: {expected})",
        err.message
    );
    assert!(client.get_ssh_key(&alice.id).await.is_ok(), "the key stays");

    let spare = client.create_ssh_key(&generate("spare")).await.unwrap();
    client.delete_ssh_key(&spare.ssh_key.id).await.unwrap();
    let left: Vec<String> = client
        .list_ssh_keys()
        .await
        .unwrap()
        .ssh_keys
        .into_iter()
        .map(|k| k.name)
        .collect();
    assert!(!left.contains(&"spare".to_owned()), "{left:?}");
}
