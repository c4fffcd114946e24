// Videos load from their provider only after the reader agrees (templates/components/
// blocks/video_block.html). Without JavaScript the reader gets a plain link instead.
document.querySelectorAll("[data-video]").forEach((figure) => {
    const button = figure.querySelector("[data-video-load]");
    const template = figure.querySelector("[data-video-template]");
    if (!button || !template) return;
    button.hidden = false;
    button.addEventListener("click", () => {
        const consent = figure.querySelector("[data-video-consent]");
        const frame = template.content.firstElementChild.cloneNode(true);
        consent.replaceWith(frame);
        frame.focus();
    });
});
