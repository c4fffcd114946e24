"""The portal's roles (Django groups) and the permissions each role needs for its work.

The groups are created by the data migration `cms/0003_roles`. Models that later issues
add bring their own permissions; `ensure_roles` grants the missing ones after every
`migrate`. It only ever adds: a permission the KI grants in the admin stays, but one
listed here comes back after the next deploy if removed by hand — change this file to
change a role for good.

Object-level rules (an organisation editor edits only their own organisation; a
translator only their languages) are not group permissions; see directory/ and the
translation modules.
"""

EDITORS = "Redaktion"
MODERATORS = "Moderation"
TRANSLATORS = "Übersetzung"
ORGANISATIONS = "Organisationen"

# The directory (directory/): organisations and their vocabularies.
_DIRECTORY_VOCABULARIES = ["origin", "language", "focusarea", "district"]
DIRECTORY_EDITOR_PERMISSIONS = (
    [
        f"directory.{action}_organisation"
        for action in ("add", "change", "delete", "publish", "lock", "unlock")
    ]
    + [
        # kind, slug, "last confirmed" and memberships (directory/permissions.py)
        "directory.manage_organisation_fields",
    ]
    + [
        f"directory.{action}_{model}"
        for model in _DIRECTORY_VOCABULARIES
        for action in ("add", "change", "delete")
    ]
)

# Model permissions, as "app_label.codename". Missing ones (not migrated yet) are skipped.
MODEL_PERMISSIONS = {
    EDITORS: [
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        "cms.change_footerlinks",
        "topics.add_glossaryterm",
        "topics.change_glossaryterm",
        "topics.delete_glossaryterm",
        "topics.publish_glossaryterm",
        "topics.lock_glossaryterm",
        "topics.unlock_glossaryterm",
        *DIRECTORY_EDITOR_PERMISSIONS,
        # Correction reports from the public profiles: read them, mark them handled.
        "directory.view_correctionreport",
        "directory.change_correctionreport",
        # Search: best bets per query and the report of searches without results.
        "wagtailsearchpromotions.add_searchpromotion",
        "wagtailsearchpromotions.change_searchpromotion",
        "wagtailsearchpromotions.delete_searchpromotion",
        "portal_search.view_loggedquery",
    ],
    MODERATORS: [
        "wagtailadmin.access_admin",
        "topics.change_glossaryterm",
        "topics.publish_glossaryterm",
        "directory.change_organisation",
        "directory.publish_organisation",
    ],
    # Translators get their languages through the per-language groups
    # ("Übersetzung: العربية (ar)", cms/translation/groups.py). Requesting translations
    # ("Translate", "Sync") is an editor's action on the German source.
    TRANSLATORS: [
        "wagtailadmin.access_admin",
    ],
    # Organisation editors change only their own organisations (and translations of them):
    # the object-level rule is the permission policy in directory/permissions.py. They
    # save drafts and submit to moderation; they never publish, delete, lock or add.
    ORGANISATIONS: [
        "wagtailadmin.access_admin",
        "directory.change_organisation",
    ],
}

# Page permissions on the whole tree (granted on the root page).
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    MODERATORS: ["change_page", "publish_page"],
    TRANSLATORS: [],  # only in their own languages' trees: see cms/translation/groups.py
    ORGANISATIONS: [],
}

# Image and document permissions on the root collection.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    MODERATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    TRANSLATORS: ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    ORGANISATIONS: ["wagtailimages.add_image", "wagtailimages.choose_image"],
}

ROLE_NAMES = [EDITORS, MODERATORS, TRANSLATORS, ORGANISATIONS]


def _permission(Permission, dotted):
    app_label, codename = dotted.split(".", 1)
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def ensure_roles(apps):
    """Create the role groups and grant the permissions above. Idempotent; never removes."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()

    for name in ROLE_NAMES:
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in MODEL_PERMISSIONS[name]:
            permission = _permission(Permission, dotted)
            if permission:
                group.permissions.add(permission)
        if root_page:
            for codename in PAGE_PERMISSIONS[name]:
                permission = _permission(Permission, f"wagtailcore.{codename}")
                if permission:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page=root_page, permission=permission
                    )
        if root_collection:
            for dotted in COLLECTION_PERMISSIONS[name]:
                permission = _permission(Permission, dotted)
                if permission:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )


def ensure_roles_after_migrate(sender, apps=None, using="default", **kwargs):
    """post_migrate is sent once per installed app, in INSTALLED_APPS order, and each
    app's permissions are created in its own post_migrate. Act after the last app's, when
    every permission exists (otherwise apps listed after `cms` would get no roles on a
    fresh database)."""
    from django.apps import apps as global_apps

    # post_migrate is sent once per app with models, in INSTALLED_APPS order; only the last
    # one sees every app's permissions.
    with_models = [c for c in global_apps.get_app_configs() if c.models_module is not None]
    if with_models and sender.label != with_models[-1].label:
        return
    ensure_roles(apps or global_apps)
