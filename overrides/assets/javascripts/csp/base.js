/* Material 9.8 partials/javascripts/base.html, with two changes: the scope is read from the script tag (no inline
 * script under the CSP), and __md_get/__md_set never throw. Material's code reads storage unguarded: where the
 * browser blocks site data, reading `localStorage` throws a SecurityError, which stopped Material's bundle before
 * it started search ("Initializing search" for ever). Blocked or corrupt storage now reads as nothing stored. */
__md_scope=new URL(document.currentScript.dataset.scope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_,t=__md_scope)=>{try{return JSON.parse((_||localStorage).getItem(t.pathname+"."+e))}catch(e){return null}},__md_set=(e,_,t,a=__md_scope)=>{try{(t||localStorage).setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
