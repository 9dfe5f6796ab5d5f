//! The deploy wizard's draft and saved templates, per account profile, in the app's store
//! (tauri-plugin-store in the app, memory in tests). Tauri-free. What is kept is the
//! wizard's choices only: a Jupyter password is never part of a draft or a template.

use crate::error::{AppError, AppErrorCode};
use barrack_api::types::VMSecurityRuleRequest;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;

/// Named JSON documents: the app's store beside the settings.
pub trait DocStore: Send + Sync {
    fn get(&self, key: &str) -> Option<Value>;
    fn set(&self, key: &str, value: Value) -> Result<(), AppError>;
    fn delete(&self, key: &str) -> Result<(), AppError>;
}

#[derive(Default)]
pub struct MemoryDocs(std::sync::Mutex<HashMap<String, Value>>);

impl DocStore for MemoryDocs {
    fn get(&self, key: &str) -> Option<Value> {
        self.0.lock().ok()?.get(key).cloned()
    }
    fn set(&self, key: &str, value: Value) -> Result<(), AppError> {
        if let Ok(mut m) = self.0.lock() {
            m.insert(key.to_owned(), value);
        }
        Ok(())
    }
    fn delete(&self, key: &str) -> Result<(), AppError> {
        if let Ok(mut m) = self.0.lock() {
            m.remove(key);
        }
        Ok(())
    }
}

/// The wizard's choices so far. Strings rather than the API's enums, so a draft written by
/// another version (or naming a model this build does not know) still loads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase", default)]
pub struct DeployDraft {
    /// The step the user was on (`gpu`, `region`, `boot`, `keys`, `advanced`, `review`).
    pub step: String,
    pub gpu_model: Option<String>,
    pub tier: Option<String>,
    /// 0 until chosen.
    pub gpu_count: u32,
    pub region: Option<String>,
    /// `os_image`, `volume` or `custom_image`.
    pub boot_kind: Option<String>,
    pub boot_id: Option<String>,
    pub ssh_key_ids: Vec<String>,
    pub public_ip: bool,
    pub security_rules: Vec<VMSecurityRuleRequest>,
    pub jupyter_enabled: bool,
    pub cloud_init: String,
    pub startup_script_id: Option<String>,
    pub name: String,
}

impl Default for DeployDraft {
    fn default() -> Self {
        DeployDraft {
            step: "gpu".into(),
            gpu_model: None,
            tier: None,
            gpu_count: 0,
            region: None,
            boot_kind: None,
            boot_id: None,
            ssh_key_ids: Vec::new(),
            // DEP-50: a public IP unless the user turns it off.
            public_ip: true,
            security_rules: Vec::new(),
            jupyter_enabled: false,
            cloud_init: String::new(),
            startup_script_id: None,
            name: String::new(),
        }
    }
}

/// A saved configuration to deploy again in one step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct DeployTemplate {
    pub name: String,
    pub draft: DeployDraft,
    /// RFC 3339.
    pub saved_at: String,
}

fn draft_key(profile: &str) -> String {
    format!("deploy.draft.{profile}")
}

fn templates_key(profile: &str) -> String {
    format!("deploy.templates.{profile}")
}

pub fn load_draft(docs: &dyn DocStore, profile: &str) -> Option<DeployDraft> {
    // A damaged draft is dropped rather than failing the wizard.
    serde_json::from_value(docs.get(&draft_key(profile))?).ok()
}

pub fn save_draft(docs: &dyn DocStore, profile: &str, draft: &DeployDraft) -> Result<(), AppError> {
    docs.set(&draft_key(profile), to_value(draft)?)
}

pub fn discard_draft(docs: &dyn DocStore, profile: &str) -> Result<(), AppError> {
    docs.delete(&draft_key(profile))
}

pub fn templates(docs: &dyn DocStore, profile: &str) -> Vec<DeployTemplate> {
    docs.get(&templates_key(profile))
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// Saves (or replaces, same name ignoring case) a template; the list comes back by name.
pub fn save_template(
    docs: &dyn DocStore,
    profile: &str,
    name: &str,
    draft: &DeployDraft,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<DeployTemplate>, AppError> {
    let name = template_name(name)?;
    let mut list = templates(docs, profile);
    list.retain(|t| !t.name.eq_ignore_ascii_case(&name));
    let mut draft = draft.clone();
    // A template is a configuration; the VM's name is chosen each time.
    draft.name.clear();
    list.push(DeployTemplate {
        name,
        draft,
        saved_at: now.to_rfc3339(),
    });
    write_templates(docs, profile, list)
}

pub fn rename_template(
    docs: &dyn DocStore,
    profile: &str,
    from: &str,
    to: &str,
) -> Result<Vec<DeployTemplate>, AppError> {
    let to = template_name(to)?;
    let mut list = templates(docs, profile);
    if list
        .iter()
        .any(|t| t.name.eq_ignore_ascii_case(&to) && !t.name.eq_ignore_ascii_case(from))
    {
        return Err(field_error(format!(
            "A template named {to:?} already exists."
        )));
    }
    let Some(t) = list.iter_mut().find(|t| t.name == from) else {
        return Err(AppError::new(
            AppErrorCode::NotFound,
            format!("No template named {from:?}."),
        ));
    };
    t.name = to;
    write_templates(docs, profile, list)
}

pub fn delete_template(
    docs: &dyn DocStore,
    profile: &str,
    name: &str,
) -> Result<Vec<DeployTemplate>, AppError> {
    let mut list = templates(docs, profile);
    list.retain(|t| t.name != name);
    write_templates(docs, profile, list)
}

fn write_templates(
    docs: &dyn DocStore,
    profile: &str,
    mut list: Vec<DeployTemplate>,
) -> Result<Vec<DeployTemplate>, AppError> {
    list.sort_by_key(|t| t.name.to_lowercase());
    docs.set(&templates_key(profile), to_value(&list)?)?;
    Ok(list)
}

/// 1–50 characters, not blank.
pub(crate) fn template_name(name: &str) -> Result<String, AppError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(field_error("Give the template a name."));
    }
    if name.chars().count() > 50 {
        return Err(field_error("A template name has at most 50 characters."));
    }
    Ok(name.to_owned())
}

fn field_error(message: impl Into<String>) -> AppError {
    let mut e = AppError::new(AppErrorCode::Validation, message);
    e.field = Some("name".into());
    e
}

fn to_value<T: Serialize>(v: &T) -> Result<Value, AppError> {
    serde_json::to_value(v).map_err(|e| AppError::new(AppErrorCode::Settings, e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(model: &str) -> DeployDraft {
        DeployDraft {
            gpu_model: Some(model.into()),
            gpu_count: 2,
            name: "vm-1".into(),
            ..Default::default()
        }
    }

    #[test]
    fn a_draft_is_kept_per_profile_until_discarded() {
        let docs = MemoryDocs::default();
        assert_eq!(load_draft(&docs, "default"), None);
        save_draft(&docs, "default", &draft("L40")).unwrap();
        assert_eq!(load_draft(&docs, "default"), Some(draft("L40")));
        assert_eq!(load_draft(&docs, "sandbox"), None);
        discard_draft(&docs, "default").unwrap();
        assert_eq!(load_draft(&docs, "default"), None);
    }

    #[test]
    fn a_damaged_or_partial_draft_loads_what_it_can() {
        let docs = MemoryDocs::default();
        docs.set(
            &draft_key("p"),
            serde_json::json!({"gpuModel": "A40", "bogus": 1}),
        )
        .unwrap();
        let d = load_draft(&docs, "p").unwrap();
        assert_eq!(d.gpu_model.as_deref(), Some("A40"));
        assert!(d.public_ip, "defaults fill what is missing");
        docs.set(&draft_key("p"), serde_json::json!([1, 2]))
            .unwrap();
        assert_eq!(load_draft(&docs, "p"), None);
    }

    #[test]
    fn templates_save_replace_rename_and_delete() {
        let docs = MemoryDocs::default();
        let now = chrono::Utc::now();
        let list = save_template(&docs, "p", " training ", &draft("L40"), now).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].name, "training");
        assert_eq!(
            list[0].draft.name, "",
            "the VM name is not part of a template"
        );
        // Same name, other case: replaced.
        let list = save_template(&docs, "p", "TRAINING", &draft("A40"), now).unwrap();
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].draft.gpu_model.as_deref(), Some("A40"));
        save_template(&docs, "p", "inference", &draft("L40"), now).unwrap();
        let e = rename_template(&docs, "p", "inference", "training").unwrap_err();
        assert_eq!(e.code, AppErrorCode::Validation);
        assert_eq!(e.field.as_deref(), Some("name"));
        let list = rename_template(&docs, "p", "inference", "serving").unwrap();
        let names: Vec<_> = list.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["serving", "TRAINING"]);
        let list = delete_template(&docs, "p", "serving").unwrap();
        assert_eq!(list.len(), 1);
        assert!(templates(&docs, "other").is_empty());
    }

    #[test]
    fn template_names_are_checked() {
        let docs = MemoryDocs::default();
        let now = chrono::Utc::now();
        for bad in ["", "   ", &"x".repeat(51)] {
            let e = save_template(&docs, "p", bad, &draft("L40"), now).unwrap_err();
            assert_eq!(e.code, AppErrorCode::Validation, "{bad:?}");
        }
        assert!(save_template(&docs, "p", &"x".repeat(50), &draft("L40"), now).is_ok());
    }
}
