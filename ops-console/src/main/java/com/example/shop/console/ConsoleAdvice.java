package com.example.shop.console;

import java.security.Principal;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page shows: who is signed in; the page a service's error becomes, with the
 * service's own status and words; and a new sign-in when the operator's tokens could not
 * be renewed.
 */
@ControllerAdvice
class ConsoleAdvice {

	@ModelAttribute("operator")
	String operator(Principal principal) {
		if (principal instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user
				&& user.getPreferredUsername() != null) {
			return user.getPreferredUsername();
		}
		return (principal != null) ? principal.getName() : null;
	}

	@ExceptionHandler
	String serviceFailed(ServiceException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status());
		model.addAttribute("title", "Not available");
		model.addAttribute("detail", ex.describe());
		return "error";
	}

	/**
	 * The operator's tokens could not be renewed (the issuer forgot the session, the
	 * refresh token expired): sign in again.
	 */
	@ExceptionHandler
	String signInAgain(OAuth2AuthorizationException ex) {
		return "redirect:/oauth2/authorization/" + Services.REGISTRATION;
	}

}
