//! SSH key material: 2048-bit RSA generation (as Barrack generates, rules.md §7),
//! OpenSSH public-key encoding and SHA256 fingerprints.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;
use rsa::pkcs1::{EncodeRsaPrivateKey, LineEnding};
use rsa::traits::PublicKeyParts;
use rsa::RsaPrivateKey;
use sha2::{Digest, Sha256};

fn put_string(out: &mut Vec<u8>, data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(data);
}

fn put_mpint(out: &mut Vec<u8>, be: &[u8]) {
    let trimmed: &[u8] = {
        let first = be.iter().position(|b| *b != 0).unwrap_or(be.len());
        &be[first..]
    };
    let mut bytes = Vec::with_capacity(trimmed.len() + 1);
    if trimmed.first().is_some_and(|b| b & 0x80 != 0) {
        bytes.push(0);
    }
    bytes.extend_from_slice(trimmed);
    put_string(out, &bytes);
}

/// A new key pair: (OpenSSH public key line, PKCS#1 PEM private key).
pub fn generate_rsa(comment: &str) -> Result<(String, String), String> {
    let mut rng = rand_core::OsRng;
    let key = RsaPrivateKey::new(&mut rng, 2048).map_err(|e| e.to_string())?;
    let mut blob = Vec::new();
    put_string(&mut blob, b"ssh-rsa");
    put_mpint(&mut blob, &key.e().to_bytes_be());
    put_mpint(&mut blob, &key.n().to_bytes_be());
    let public = format!("ssh-rsa {} {comment}", STANDARD.encode(&blob));
    let private = key
        .to_pkcs1_pem(LineEnding::LF)
        .map_err(|e| e.to_string())?;
    Ok((public, private.to_string()))
}

/// `SHA256:…` of the key blob, as `ssh-keygen -l` prints it.
pub fn fingerprint(public_key: &str) -> Option<String> {
    let blob = public_key.split_whitespace().nth(1)?;
    let bytes = STANDARD.decode(blob).ok()?;
    Some(format!(
        "SHA256:{}",
        STANDARD_NO_PAD.encode(Sha256::digest(&bytes))
    ))
}
