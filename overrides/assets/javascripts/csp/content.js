/* Material 9.8 partials/javascripts/content.html, verbatim: open the tab named in the URL fragment. (Its other
 * script restores linked tabs under the content.tabs.link feature, which this site does not use.) */
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
