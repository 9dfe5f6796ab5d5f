//! Attaching a firewall to one more VM. The API's attach takes the complete set of VMs the
//! firewall protects afterwards (inferred: leaving one out detaches it), so the set is built
//! here from the firewall as the server has it now — never from a list the page loaded
//! earlier, which may miss a VM attached since (by the CLI, another window) and would take
//! that VM's protection away without a word.

use crate::error::AppError;
use crate::state::AppState;
use barrack_api::types::{AttachFirewallRequest, AttachFirewallResponse};

/// The VMs attached now plus `instance_id`, in order, each once.
pub fn with_vm(attached: impl IntoIterator<Item = String>, instance_id: &str) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for id in attached
        .into_iter()
        .chain(std::iter::once(instance_id.to_owned()))
    {
        if !id.is_empty() && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// Attaches the firewall to `instance_id`, keeping every VM it protects now.
pub async fn attach_vm(
    state: &AppState,
    firewall_id: &str,
    instance_id: &str,
) -> Result<AttachFirewallResponse, AppError> {
    let c = state.client().await?;
    let now = c.get_firewall(firewall_id).await?.firewall;
    let instance_ids = with_vm(
        now.attachments.into_iter().map(|a| a.instance_id),
        instance_id,
    );
    let answer = c
        .attach_firewall(firewall_id, &AttachFirewallRequest { instance_ids })
        .await?;
    state.poke_poller();
    Ok(answer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_keeps_every_vm_attached_now_and_adds_the_new_one_once() {
        let now = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(with_vm(now.clone(), "c"), vec!["a", "b", "c"]);
        assert_eq!(with_vm(now, "a"), vec!["a", "b"]);
        assert_eq!(with_vm(Vec::<String>::new(), "c"), vec!["c"]);
        assert_eq!(with_vm(vec![String::new()], "c"), vec!["c"]);
    }
}
