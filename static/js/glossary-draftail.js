// Draftail (admin rich-text editor): link text to a glossary term. The toolbar button
// opens Wagtail's snippet chooser for GlossaryTerm; the link is stored as
// <a linktype="glossary" id="…"> (see topics/rich_text.py).
(() => {
    const React = window.React;
    const { RichUtils, Modifier, EditorState } = window.DraftJS;

    class GlossarySource extends React.Component {
        componentDidMount() {
            const { entityType, onClose } = this.props;
            window.ModalWorkflow({
                url: entityType.chooserUrl,
                onload: window.CHOOSER_MODAL_ONLOAD_HANDLERS,
                responses: { chosen: (data) => this.choose(data) },
                onError: () => onClose(),
            });
        }

        choose(data) {
            const { editorState, entityType, onComplete } = this.props;
            const content = editorState.getCurrentContent();
            const selection = editorState.getSelection();
            const withEntity = content.createEntity(entityType.type, "MUTABLE", {
                id: data.id,
                label: data.string,
            });
            const entityKey = withEntity.getLastCreatedEntityKey();
            let nextState;
            if (selection.isCollapsed()) {
                const inserted = Modifier.insertText(withEntity, selection, data.string, null, entityKey);
                nextState = EditorState.push(editorState, inserted, "insert-characters");
            } else {
                nextState = RichUtils.toggleLink(
                    EditorState.set(editorState, { currentContent: withEntity }),
                    selection,
                    entityKey,
                );
            }
            onComplete(nextState);
        }

        render() {
            return null;
        }
    }

    const GlossaryLink = ({ entityKey, contentState, children }) => {
        const { label } = contentState.getEntity(entityKey).getData();
        return React.createElement(
            "a",
            { className: "glossary-link", title: label ? `Glossar: ${label}` : "Glossar" },
            children,
        );
    };

    window.draftail.registerPlugin(
        { type: "GLOSSARY", source: GlossarySource, decorator: GlossaryLink },
        "entityTypes",
    );
})();
