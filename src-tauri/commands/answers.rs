//! What an operation's answer becomes before it reaches the webview, for the declarations
//! in operations.rs that say `answer through <function>`.

use barrack_api::types::CreateSSHKeyResponse;

/// A key the server generated comes back with its private half; it never goes to the
/// webview (`generate_ssh_key` writes it to a file the user picks instead).
pub fn without_private_key(mut answer: CreateSSHKeyResponse) -> CreateSSHKeyResponse {
    answer.private_key = None;
    answer
}
